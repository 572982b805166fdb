import { importMaterial, inferred, material, materialsCase, MODEL, SINCE_MULTI_MATERIAL } from './_support.js';

/** "You cannot specify a key material ID with ImportType set to NEW_KEY_MATERIAL." */
export default materialsCase({
  behaviour: 'material-id-with-new-type-refused',
  title: 'KeyMaterialId together with ImportType NEW_KEY_MATERIAL: ValidationException',
  source: inferred(`${MODEL('ImportKeyMaterialRequest.KeyMaterialId')} ("You cannot specify a key material ID with ImportType set to NEW_KEY_MATERIAL"); code not recorded`, { since: SINCE_MULTI_MATERIAL }),
  ops: [],
  async body(t, { key, materialId }) {
    await t.expectError(importMaterial(t, key.KeyId, material(), { extra: { ImportType: 'NEW_KEY_MATERIAL', KeyMaterialId: materialId } }), { code: 'ValidationException', status: 400 });
  },
});
