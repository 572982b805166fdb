import { defineCase } from '../../../harness/conformance/case.js';
import { MODEL, ROTATE_IMPORTED_DOC, SINCE_MULTI_MATERIAL, documented, importMaterial, importedKey, material } from './_support.js';
import { refused } from '../_lib/support.js';

/** KMS checks that the KeyMaterialId names the material imported. */
export default defineCase({
  id: 'import.material-id-mismatch-refused',
  title: 'Re-import with a KeyMaterialId that is not the material\'s: IncorrectKeyMaterialException',
  doc: ROTATE_IMPORTED_DOC,
  source: documented(`${MODEL('ImportKeyMaterialRequest.KeyMaterialId')} ("Computes the identifier for the key material; Matches the computed identifier against the specified key material ID"); ${MODEL('IncorrectKeyMaterialException')}`, SINCE_MULTI_MATERIAL),
  tags: ['import', 'rotation'],
  ops: ['CreateKey', 'GetParametersForImport', 'ImportKeyMaterial'],
  async run(t) {
    const { key, material: m } = await importedKey(t);
    await t.expectError(importMaterial(t, key.KeyId, m, { extra: { KeyMaterialId: 'f'.repeat(64) } }), { code: 'IncorrectKeyMaterialException', status: 400 });
  },
});
