import { describe, documented, givenNewMaterial, materialsCase, MODEL, rotateImported, SINCE_MULTI_MATERIAL } from './_support.js';

/** RotateKeyOnDemand makes the material pending rotation current. */
export default materialsCase({
  behaviour: 'rotate-on-demand-makes-new-current',
  title: 'RotateKeyOnDemand of a key with imported material: the PENDING_ROTATION material becomes CurrentKeyMaterialId',
  source: documented(`${MODEL('RotateKeyOnDemand')} ("you must have already imported new key material and that key material's state should be PENDING_ROTATION"); ${MODEL('RotationsListEntry.KeyMaterialState')}`, { since: SINCE_MULTI_MATERIAL }),
  ops: ['RotateKeyOnDemand', 'DescribeKey'],
  async body(t, { key }) {
    const next = await givenNewMaterial(t, key.KeyId);
    await rotateImported(t, key.KeyId, next.KeyMaterialId);
    t.expectEqual((await describe(t, key.KeyId)).CurrentKeyMaterialId, next.KeyMaterialId, 'CurrentKeyMaterialId after the rotation');
  },
});
