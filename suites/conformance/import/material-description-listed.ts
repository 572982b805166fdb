import { defineCase } from '../../../harness/conformance/case.js';
import { MODEL, ROTATE_IMPORTED_DOC, SINCE_MULTI_MATERIAL, documented, externalKey, importMaterial, material, rotations } from './_support.js';

/** KeyMaterialDescription is kept with the material. */
export default defineCase({
  id: 'import.material-description-listed',
  title: 'KeyMaterialDescription given at import appears in ListKeyRotations',
  doc: ROTATE_IMPORTED_DOC,
  source: documented(`${MODEL('RotationsListEntry.KeyMaterialDescription')}; ${MODEL('ImportKeyMaterialRequest.KeyMaterialDescription')}`, { since: SINCE_MULTI_MATERIAL }),
  tags: ['import', 'rotation'],
  ops: ['CreateKey', 'GetParametersForImport', 'ImportKeyMaterial', 'ListKeyRotations'],
  async run(t) {
    const key = await externalKey(t);
    await importMaterial(t, key.KeyId, material(), { extra: { KeyMaterialDescription: 'kmsbench first material' } });
    t.expectEqual((await rotations(t, key.KeyId)).map((r) => r.KeyMaterialDescription), ['kmsbench first material'], 'KeyMaterialDescription');
  },
});
