import { defineCase } from '../../../harness/conformance/case.js';
import { MODEL, ROTATE_IMPORTED_DOC, SINCE_MULTI_MATERIAL, decryptText, documented, encrypt, importMaterial, importedKey, material, rotateImported } from './_support.js';


/** Earlier material stays for decryption (NON_CURRENT). */
export default defineCase({
  id: 'import.rotate-on-demand-old-ciphertext-decrypts',
  title: 'After rotating imported material, ciphertext made under the earlier material still decrypts',
  doc: ROTATE_IMPORTED_DOC,
  source: documented(`${MODEL('RotationsListEntry.KeyMaterialState')} ("NON_CURRENT key material only for decryption")`, SINCE_MULTI_MATERIAL),
  tags: ['import', 'rotation'],
  ops: ['CreateKey', 'GetParametersForImport', 'ImportKeyMaterial', 'Encrypt', 'RotateKeyOnDemand', 'Decrypt'],
  async run(t) {
    const { key } = await importedKey(t);
    const blob = await encrypt(t, key.KeyId, 'first material');
    const next = await importMaterial(t, key.KeyId, material(), { extra: { ImportType: 'NEW_KEY_MATERIAL' } });
    await rotateImported(t, key.KeyId, next.KeyMaterialId);
    t.expectEqual(await decryptText(t, blob), 'first material', 'plaintext of the earlier ciphertext');
  },
});
