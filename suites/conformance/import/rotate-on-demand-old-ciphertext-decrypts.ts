import { decryptText, documented, givenNewMaterial, givenRotation, materialsCase, MODEL, SINCE_MULTI_MATERIAL } from './_support.js';
import { givenCiphertext } from '../_lib/prerequisites.js';

/** Earlier material stays for decryption (NON_CURRENT). */
export default materialsCase({
  behaviour: 'rotate-on-demand-old-ciphertext-decrypts',
  title: 'After rotating imported material, ciphertext made under the earlier material still decrypts',
  source: documented(`${MODEL('RotationsListEntry.KeyMaterialState')} ("NON_CURRENT key material only for decryption")`, { since: SINCE_MULTI_MATERIAL }),
  ops: ['Encrypt', 'RotateKeyOnDemand', 'Decrypt'],
  async body(t, { key }) {
    const blob = await givenCiphertext(t, key.KeyId, { plaintext: Buffer.from('first material') });
    const next = await givenNewMaterial(t, key.KeyId);
    await givenRotation(t, key.KeyId, next.KeyMaterialId);
    t.expectEqual(await decryptText(t, blob), 'first material', 'plaintext of the earlier ciphertext');
  },
});
