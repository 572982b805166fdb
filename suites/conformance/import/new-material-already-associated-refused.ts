import { documented, importMaterial, materialsCase, MODEL, SINCE_MULTI_MATERIAL } from './_support.js';

/** New material must be new. */
export default materialsCase({
  behaviour: 'new-material-already-associated-refused',
  title: 'ImportType NEW_KEY_MATERIAL with the material already imported: IncorrectKeyMaterialException',
  source: documented(`${MODEL('IncorrectKeyMaterialException')} ("KMS expected new key material but the key material being imported is already associated with the KMS key")`, { since: SINCE_MULTI_MATERIAL }),
  ops: [],
  async body(t, { key, material: m }) {
    await t.expectError(importMaterial(t, key.KeyId, m, { extra: { ImportType: 'NEW_KEY_MATERIAL' } }), { code: 'IncorrectKeyMaterialException', status: 400 });
  },
});
