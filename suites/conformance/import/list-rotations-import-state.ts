import { deleteMaterial, documented, materialsCase, MODEL, rotations, SINCE_MULTI_MATERIAL } from './_support.js';

/** ImportState tells which materials are imported. */
export default materialsCase({
  behaviour: 'list-rotations-import-state',
  title: 'ListKeyRotations (ALL_KEY_MATERIAL) of a key whose material was deleted: ImportState PENDING_IMPORT, no ExpirationModel',
  source: documented(`${MODEL('RotationsListEntry.ImportState')} ("IMPORTED or PENDING_IMPORT ... only present for symmetric encryption KMS keys with EXTERNAL origin")`, { since: SINCE_MULTI_MATERIAL }),
  ops: ['DeleteImportedKeyMaterial', 'ListKeyRotations'],
  async body(t, { key, materialId }) {
    t.expectEqual((await rotations(t, key.KeyId)).map((r) => [r.KeyMaterialId, r.ImportState, r.ExpirationModel]), [[materialId, 'IMPORTED', 'KEY_MATERIAL_DOES_NOT_EXPIRE']], 'entry after the import');
    await deleteMaterial(t, key.KeyId);
    const after = await rotations(t, key.KeyId);
    t.expectEqual(after.map((r) => [r.KeyMaterialId, r.ImportState]), [[materialId, 'PENDING_IMPORT']], 'entry after the deletion');
  },
});
