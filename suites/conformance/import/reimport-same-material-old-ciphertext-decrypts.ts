import { defineCase } from '../../../harness/conformance/case.js';
import { decryptText, DELETE_IMPORTED_DOC, deleteMaterial, documented, importedKey, importMaterial, material } from './_support.js';
import { givenCiphertext } from '../_lib/prerequisites.js';

/** "To restore the usability of the KMS key, reimport the same key material." */
export default defineCase({
  id: 'import.reimport-same-material-old-ciphertext-decrypts',
  title: 'After DeleteImportedKeyMaterial, re-importing the same material makes earlier ciphertext decrypt again',
  doc: DELETE_IMPORTED_DOC,
  source: documented(`${DELETE_IMPORTED_DOC} ("To restore the usability of the KMS key, reimport the same key material")`),
  tags: ['import'],
  ops: ['CreateKey', 'GetParametersForImport', 'ImportKeyMaterial', 'Encrypt', 'DeleteImportedKeyMaterial', 'Decrypt'],
  async run(t) {
    const { key, material: m } = await importedKey(t);
    const blob = await givenCiphertext(t, key.KeyId, { plaintext: Buffer.from('before the re-import') });
    await deleteMaterial(t, key.KeyId);
    await importMaterial(t, key.KeyId, m, { algorithm: 'RSAES_OAEP_SHA_1' });
    t.expectEqual(await decryptText(t, blob), 'before the re-import', 'plaintext of the earlier ciphertext');
  },
});
