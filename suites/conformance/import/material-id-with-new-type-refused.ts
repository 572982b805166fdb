import { defineCase } from '../../../harness/conformance/case.js';
import { MODEL, ROTATE_IMPORTED_DOC, SINCE_MULTI_MATERIAL, importMaterial, importedKey, inferred, material } from './_support.js';
import { refused } from '../_lib/support.js';

/** "You cannot specify a key material ID with ImportType set to NEW_KEY_MATERIAL." */
export default defineCase({
  id: 'import.material-id-with-new-type-refused',
  title: 'KeyMaterialId together with ImportType NEW_KEY_MATERIAL: ValidationException',
  doc: ROTATE_IMPORTED_DOC,
  source: inferred(`${MODEL('ImportKeyMaterialRequest.KeyMaterialId')} ("You cannot specify a key material ID with ImportType set to NEW_KEY_MATERIAL"); code not recorded`, SINCE_MULTI_MATERIAL),
  tags: ['import', 'rotation'],
  ops: ['CreateKey', 'GetParametersForImport', 'ImportKeyMaterial'],
  async run(t) {
    const { key, materialId } = await importedKey(t);
    await t.expectError(importMaterial(t, key.KeyId, material(), { extra: { ImportType: 'NEW_KEY_MATERIAL', KeyMaterialId: materialId } }), { code: 'ValidationException', status: 400 });
  },
});
