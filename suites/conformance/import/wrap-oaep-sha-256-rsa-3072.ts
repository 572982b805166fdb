import { defineCase } from '../../../harness/conformance/case.js';
import { decryptText, describe, documented, encrypt, externalKey, importMaterial, material } from './_support.js';

/** Material wrapped as AWS's recipe says (RSA-OAEP, MGF1 with the same hash) imports and the key works. */
export default defineCase({
  id: 'import.wrap-oaep-sha-256-rsa-3072',
  title: 'Material wrapped with RSAES_OAEP_SHA_256 under an RSA_3072 wrapping key imports; the key becomes Enabled and encrypts',
  doc: 'https://docs.aws.amazon.com/kms/latest/developerguide/importing-keys-encrypt-key-material.html',
  source: documented('https://docs.aws.amazon.com/kms/latest/developerguide/importing-keys-encrypt-key-material.html; service model: ImportKeyMaterial'),
  tags: ['import'],
  ops: ['CreateKey', 'GetParametersForImport', 'ImportKeyMaterial', 'DescribeKey', 'Encrypt', 'Decrypt'],
  async run(t) {
    const key = await externalKey(t);
    await importMaterial(t, key.KeyId, material(), { algorithm: 'RSAES_OAEP_SHA_256', wrappingKeySpec: 'RSA_3072' });
    t.expectEqual((await describe(t, key.KeyId)).KeyState, 'Enabled', 'KeyState after the import');
    t.expectEqual(await decryptText(t, await encrypt(t, key.KeyId, 'wrapped RSAES_OAEP_SHA_256')), 'wrapped RSAES_OAEP_SHA_256', 'round trip');
  },
});
