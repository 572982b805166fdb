import { defineCase } from '../../../harness/conformance/case.js';
import { describe, documented, givenNewMaterial, importedKey, material, MODEL, ROTATE_IMPORTED_DOC, rotateImported, SINCE_MULTI_MATERIAL } from './_support.js';


/** RotateKeyOnDemand makes the material pending rotation current. */
export default defineCase({
  id: 'import.rotate-on-demand-makes-new-current',
  title: 'RotateKeyOnDemand of a key with imported material: the PENDING_ROTATION material becomes CurrentKeyMaterialId',
  doc: ROTATE_IMPORTED_DOC,
  source: documented(`${MODEL('RotateKeyOnDemand')} ("you must have already imported new key material and that key material's state should be PENDING_ROTATION"); ${MODEL('RotationsListEntry.KeyMaterialState')}`, SINCE_MULTI_MATERIAL),
  tags: ['import', 'rotation'],
  ops: ['CreateKey', 'GetParametersForImport', 'ImportKeyMaterial', 'RotateKeyOnDemand', 'DescribeKey'],
  async run(t) {
    const { key } = await importedKey(t);
    const next = await givenNewMaterial(t, key.KeyId);
    await rotateImported(t, key.KeyId, next.KeyMaterialId);
    t.expectEqual((await describe(t, key.KeyId)).CurrentKeyMaterialId, next.KeyMaterialId, 'CurrentKeyMaterialId after the rotation');
  },
});
