import { documented, importMaterial, material, materialsCase, MODEL, rotations, SINCE_MULTI_MATERIAL } from './_support.js';

/** New material imported for rotation waits in PENDING_ROTATION. */
export default materialsCase({
  behaviour: 'new-material-pending-rotation',
  title: 'ImportKeyMaterial with ImportType NEW_KEY_MATERIAL: ListKeyRotations (ALL_KEY_MATERIAL) shows it PENDING_ROTATION, the first CURRENT',
  source: documented(`${MODEL('RotateKeyOnDemand')} ("you must have already imported new key material and that key material's state should be PENDING_ROTATION"); ${MODEL('RotationsListEntry.KeyMaterialState')}`, { since: SINCE_MULTI_MATERIAL }),
  ops: ['ListKeyRotations'],
  async body(t, { key, materialId }) {
    const next = await importMaterial(t, key.KeyId, material(), { extra: { ImportType: 'NEW_KEY_MATERIAL' } });
    const list = await rotations(t, key.KeyId);
    t.expectEqual(
      list.map((r) => [r.KeyMaterialId, r.KeyMaterialState, r.ImportState]),
      [[materialId, 'CURRENT', 'IMPORTED'], [next.KeyMaterialId, 'PENDING_ROTATION', 'IMPORTED']],
      'the key materials',
    );
  },
});
