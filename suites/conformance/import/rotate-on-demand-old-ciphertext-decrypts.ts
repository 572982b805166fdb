import { defineCase } from '../../../harness/conformance/case.js';
import { decryptText, documented, givenNewMaterial, givenRotation, importedKey, material, MODEL, ROTATE_IMPORTED_DOC, SINCE_MULTI_MATERIAL } from './_support.js';
import { givenCiphertext } from '../_lib/prerequisites.js';


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
    const blob = await givenCiphertext(t, key.KeyId, { plaintext: Buffer.from('first material') });
    const next = await givenNewMaterial(t, key.KeyId);
    await givenRotation(t, key.KeyId, next.KeyMaterialId);
    t.expectEqual(await decryptText(t, blob), 'first material', 'plaintext of the earlier ciphertext');
  },
});
