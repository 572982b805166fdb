import { defineCase } from '../../../harness/conformance/case.js';
import { deleteMaterial, documented, IMPORT_API_DOC, importedKey, importMaterial, material, MODEL } from './_support.js';
import { refused } from '../_lib/support.js';

/** IncorrectKeyMaterialException: "it is not the same key material that was previously imported". */
export default defineCase({
  id: 'import.reimport-different-material-refused',
  title: 'Re-importing different material into a key: IncorrectKeyMaterialException',
  doc: IMPORT_API_DOC,
  source: documented(`${MODEL('IncorrectKeyMaterialException')} ("it is not the same key material that was previously imported")`),
  tags: ['import'],
  ops: ['CreateKey', 'GetParametersForImport', 'ImportKeyMaterial', 'DeleteImportedKeyMaterial'],
  async run(t) {
    const { key } = await importedKey(t);
    await deleteMaterial(t, key.KeyId);
    await t.expectError(importMaterial(t, key.KeyId, material()), { code: 'IncorrectKeyMaterialException', status: 400 });
  },
});
