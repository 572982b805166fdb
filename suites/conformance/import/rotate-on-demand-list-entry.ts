import { defineCase } from '../../../harness/conformance/case.js';
import { documented, givenNewMaterial, givenRotation, importedKey, material, MODEL, ROTATE_IMPORTED_DOC, rotations, SINCE_MULTI_MATERIAL } from './_support.js';


/** The completed rotation is listed as ON_DEMAND. */
export default defineCase({
  id: 'import.rotate-on-demand-list-entry',
  title: 'After rotating imported material, ListKeyRotations lists the new material CURRENT with RotationType ON_DEMAND and a RotationDate',
  doc: ROTATE_IMPORTED_DOC,
  source: documented(`${MODEL('RotationsListEntry')}`, SINCE_MULTI_MATERIAL),
  tags: ['import', 'rotation'],
  ops: ['CreateKey', 'GetParametersForImport', 'ImportKeyMaterial', 'RotateKeyOnDemand', 'ListKeyRotations'],
  async run(t) {
    const { key } = await importedKey(t);
    const next = await givenNewMaterial(t, key.KeyId);
    await givenRotation(t, key.KeyId, next.KeyMaterialId);
    const list = await rotations(t, key.KeyId, false);
    t.expectEqual(list.map((r) => [r.KeyMaterialId, r.KeyMaterialState, r.RotationType]), [[next.KeyMaterialId, 'CURRENT', 'ON_DEMAND']], 'ROTATIONS_ONLY entries');
    t.check(list[0]?.RotationDate instanceof Date, 'the entry has a RotationDate', list[0]);
  },
});
