import { EncryptCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { DELETE_IMPORTED_DOC, deleteMaterial, encrypt, importedKey, material } from './_support.js';

/** S2: the key cannot be used once its material is deleted. */
export default defineCase({
  id: 'import.delete-refuses-encrypt',
  title: 'Encrypt after DeleteImportedKeyMaterial: KMSInvalidStateException "<arn> is pending import."',
  doc: DELETE_IMPORTED_DOC,
  source: { kind: 'recorded', cite: 'spec/aws-observed.md §2.3 S2 (LS-SNAP test_import_key_symmetric encrypt-after-delete-error)', verifiedAt: '2024-01-24' },
  tags: ['import', 'key-state'],
  ops: ['CreateKey', 'GetParametersForImport', 'ImportKeyMaterial', 'DeleteImportedKeyMaterial', 'Encrypt'],
  async run(t) {
    const { key } = await importedKey(t);
    await deleteMaterial(t, key.KeyId);
    await t.expectError(t.kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: t.bytes(16) })), {
      code: 'KMSInvalidStateException',
      status: 400,
      message: `${key.Arn} is pending import.`,
    });
  },
});
