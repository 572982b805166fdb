import { documented, givenNewMaterial, givenRotation, materialsCase, MODEL, rotations, SINCE_MULTI_MATERIAL } from './_support.js';

/** The completed rotation is listed as ON_DEMAND. */
export default materialsCase({
  behaviour: 'rotate-on-demand-list-entry',
  title: 'After rotating imported material, ListKeyRotations lists the new material CURRENT with RotationType ON_DEMAND and a RotationDate',
  source: documented(`${MODEL('RotationsListEntry')}`, { since: SINCE_MULTI_MATERIAL }),
  ops: ['RotateKeyOnDemand', 'ListKeyRotations'],
  async body(t, { key }) {
    const next = await givenNewMaterial(t, key.KeyId);
    await givenRotation(t, key.KeyId, next.KeyMaterialId);
    const list = await rotations(t, key.KeyId, false);
    t.expectEqual(list.map((r) => [r.KeyMaterialId, r.KeyMaterialState, r.RotationType]), [[next.KeyMaterialId, 'CURRENT', 'ON_DEMAND']], 'ROTATIONS_ONLY entries');
    t.check(list[0]?.RotationDate instanceof Date, 'the entry has a RotationDate', list[0]);
  },
});
