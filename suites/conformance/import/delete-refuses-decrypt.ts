import { DecryptCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { DELETE_IMPORTED_DOC, deleteMaterial, importedKey, material } from './_support.js';
import { givenCiphertext } from '../_lib/prerequisites.js';
import { recorded } from '../_lib/sources.js';

/** The ciphertext made before the material was deleted cannot be decrypted without it. */
export default defineCase({
  id: 'import.delete-refuses-decrypt',
  title: 'Decrypt of earlier ciphertext after DeleteImportedKeyMaterial: KMSInvalidStateException "<arn> is pending import."',
  doc: DELETE_IMPORTED_DOC,
  source: recorded('spec/aws-observed.md §2.1 [5] and §2.2 (KS-OLD: Decrypt on PendingImport → [5])'),
  tags: ['import', 'key-state'],
  ops: ['CreateKey', 'GetParametersForImport', 'ImportKeyMaterial', 'Encrypt', 'DeleteImportedKeyMaterial', 'Decrypt'],
  async run(t) {
    const { key } = await importedKey(t);
    const blob = await givenCiphertext(t, key.KeyId);
    await deleteMaterial(t, key.KeyId);
    await t.expectError(t.kms.send(new DecryptCommand({ CiphertextBlob: blob })), { code: 'KMSInvalidStateException', message: `${key.Arn} is pending import.` });
  },
});
