import { defineCase } from '../../../harness/conformance/case.js';
import { MODEL, ROTATE_IMPORTED_DOC, SINCE_MULTI_MATERIAL, documented, importMaterial, importedKey, material, rotations } from './_support.js';

/** New material imported for rotation waits in PENDING_ROTATION. */
export default defineCase({
  id: 'import.new-material-pending-rotation',
  title: 'ImportKeyMaterial with ImportType NEW_KEY_MATERIAL: ListKeyRotations (ALL_KEY_MATERIAL) shows it PENDING_ROTATION, the first CURRENT',
  doc: ROTATE_IMPORTED_DOC,
  source: documented(`${MODEL('RotateKeyOnDemand')} ("you must have already imported new key material and that key material's state should be PENDING_ROTATION"); ${MODEL('RotationsListEntry.KeyMaterialState')}`, SINCE_MULTI_MATERIAL),
  tags: ['import', 'rotation'],
  ops: ['CreateKey', 'GetParametersForImport', 'ImportKeyMaterial', 'ListKeyRotations'],
  async run(t) {
    const { key, materialId } = await importedKey(t);
    const next = await importMaterial(t, key.KeyId, material(), { extra: { ImportType: 'NEW_KEY_MATERIAL' } });
    const list = await rotations(t, key.KeyId);
    t.expectEqual(
      list.map((r) => [r.KeyMaterialId, r.KeyMaterialState, r.ImportState]),
      [[materialId, 'CURRENT', 'IMPORTED'], [next.KeyMaterialId, 'PENDING_ROTATION', 'IMPORTED']],
      'the key materials',
    );
  },
});
