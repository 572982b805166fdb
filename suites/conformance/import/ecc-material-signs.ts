import { GetPublicKeyCommand, SignCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { IMPORT_DOC, externalKey, importMaterial } from './_support.js';

import { createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { recorded } from '../_lib/sources.js';

/** An ECC signing key with imported material signs with that private key. */
export default defineCase({
  id: 'import.ecc-material-signs',
  title: 'An ECC_NIST_P256 key with imported PKCS#8 material: GetPublicKey is its public key and Sign verifies with it',
  doc: IMPORT_DOC,
  source: recorded('spec/aws-observed.md §14 I3 (LS-SNAP test_import_key_ecc_keys[ECC_NIST_P256]: import, then Sign/Verify)', { verifiedAt: '2025-08-04' }),
  tags: ['import'],
  ops: ['CreateKey', 'GetParametersForImport', 'ImportKeyMaterial', 'GetPublicKey', 'Sign'],
  async run(t) {
    const key = await externalKey(t, { KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' });
    const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    await importMaterial(t, key.KeyId, pair.privateKey.export({ type: 'pkcs8', format: 'der' }));
    const spki = pair.publicKey.export({ type: 'spki', format: 'der' });
    const pub = await t.kms.send(new GetPublicKeyCommand({ KeyId: key.KeyId }));
    t.expectEqual(Buffer.from(pub.PublicKey!).toString('base64'), spki.toString('base64'), 'GetPublicKey');
    const message = Buffer.from('kmsbench imported ECC key');
    const sig = await t.kms.send(new SignCommand({ KeyId: key.KeyId, Message: message, MessageType: 'RAW', SigningAlgorithm: 'ECDSA_SHA_256' }));
    const ok = verify('sha256', message, { key: createPublicKey({ key: spki, format: 'der', type: 'spki' }), dsaEncoding: 'der' }, Buffer.from(sig.Signature!));
    t.check(ok, 'the signature verifies with the imported public key');
  },
});
