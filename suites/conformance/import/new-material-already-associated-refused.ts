import { defineCase } from '../../../harness/conformance/case.js';
import { MODEL, ROTATE_IMPORTED_DOC, SINCE_MULTI_MATERIAL, documented, importMaterial, importedKey, material } from './_support.js';
import { refused } from '../_lib/support.js';

/** New material must be new. */
export default defineCase({
  id: 'import.new-material-already-associated-refused',
  title: 'ImportType NEW_KEY_MATERIAL with the material already imported: IncorrectKeyMaterialException',
  doc: ROTATE_IMPORTED_DOC,
  source: documented(`${MODEL('IncorrectKeyMaterialException')} ("KMS expected new key material but the key material being imported is already associated with the KMS key")`, SINCE_MULTI_MATERIAL),
  tags: ['import', 'rotation'],
  ops: ['CreateKey', 'GetParametersForImport', 'ImportKeyMaterial'],
  async run(t) {
    const { key, material: m } = await importedKey(t);
    await t.expectError(importMaterial(t, key.KeyId, m, { extra: { ImportType: 'NEW_KEY_MATERIAL' } }), { code: 'IncorrectKeyMaterialException', status: 400 });
  },
});
