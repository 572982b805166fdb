import { GetPublicKeyCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { describe, externalKey, importMaterial } from './_support.js';

import { generateKeyPairSync } from 'node:crypto';
import { recorded } from '../_lib/sources.js';

/** RSA private keys are longer than RSA-OAEP can carry: RSA_AES_KEY_WRAP_SHA_* wraps them. */
export default defineCase({
  id: 'import.rsa-material-aes-key-wrap',
  title: 'An RSA_2048 key\'s PKCS#8 material wrapped with RSA_AES_KEY_WRAP_SHA_256 imports; GetPublicKey is its public key',
  doc: 'https://docs.aws.amazon.com/kms/latest/developerguide/importing-keys-get-public-key-and-token.html',
  source: recorded('spec/aws-observed.md §14 I3 (LS-SNAP test_import_key_rsa_aes_wrap_sha256)', { verifiedAt: '2025-07-22' }),
  tags: ['import'],
  ops: ['CreateKey', 'GetParametersForImport', 'ImportKeyMaterial', 'DescribeKey', 'GetPublicKey'],
  async run(t) {
    const key = await externalKey(t, { KeySpec: 'RSA_2048', KeyUsage: 'ENCRYPT_DECRYPT' });
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    await importMaterial(t, key.KeyId, pair.privateKey.export({ type: 'pkcs8', format: 'der' }), { algorithm: 'RSA_AES_KEY_WRAP_SHA_256', wrappingKeySpec: 'RSA_4096' });
    t.expectEqual((await describe(t, key.KeyId)).KeyState, 'Enabled', 'KeyState after the import');
    const pub = await t.kms.send(new GetPublicKeyCommand({ KeyId: key.KeyId }));
    t.expectEqual(Buffer.from(pub.PublicKey!).toString('base64'), pair.publicKey.export({ type: 'spki', format: 'der' }).toString('base64'), 'GetPublicKey');
  },
});
