import { documented, importMaterial, materialsCase, MODEL, SINCE_MULTI_MATERIAL } from './_support.js';

/** KMS checks that the KeyMaterialId names the material imported. */
export default materialsCase({
  behaviour: 'material-id-mismatch-refused',
  title: 'Re-import with a KeyMaterialId that is not the material\'s: IncorrectKeyMaterialException',
  source: documented(`${MODEL('ImportKeyMaterialRequest.KeyMaterialId')} ("Computes the identifier for the key material; Matches the computed identifier against the specified key material ID"); ${MODEL('IncorrectKeyMaterialException')}`, { since: SINCE_MULTI_MATERIAL }),
  ops: [],
  async body(t, { key, material: m }) {
    await t.expectError(importMaterial(t, key.KeyId, m, { extra: { KeyMaterialId: 'f'.repeat(64) } }), { code: 'IncorrectKeyMaterialException', status: 400 });
  },
});
