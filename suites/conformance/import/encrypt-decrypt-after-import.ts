import { DecryptCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { IMPORT_API_DOC, IMPORT_DOC, documented, encrypt, importedKey, material } from './_support.js';

/** Imported material encrypts and decrypts like generated material. */
export default defineCase({
  id: 'import.encrypt-decrypt-after-import',
  title: 'A key with imported material encrypts and decrypts; Decrypt names the key',
  doc: IMPORT_DOC,
  source: documented(`${IMPORT_API_DOC} ("When this operation is successful, the state of the KMS key changes to Enabled, and you can use the KMS key in cryptographic operations")`),
  tags: ['import'],
  ops: ['CreateKey', 'GetParametersForImport', 'ImportKeyMaterial', 'Encrypt', 'Decrypt'],
  async run(t) {
    const { key } = await importedKey(t);
    const blob = await encrypt(t, key.KeyId, 'bring your own key');
    const out = await t.kms.send(new DecryptCommand({ CiphertextBlob: blob }));
    t.expectEqual(Buffer.from(out.Plaintext!).toString(), 'bring your own key', 'plaintext');
    t.expectEqual(out.KeyId, key.Arn, 'KeyId of Decrypt');
  },
});
