import { defineCase } from '../../../harness/conformance/case.js';
import { deleteMaterial, documented, IMPORT_API_DOC, importedKey, importMaterial, material, MODEL, SINCE_MULTI_MATERIAL } from './_support.js';

/** "KMS assigns a unique identifier to the key material based on the KMS key ID and the imported key material." */
export default defineCase({
  id: 'import.same-material-same-id',
  title: 'The same material imported again (after deletion) gets the same KeyMaterialId',
  doc: IMPORT_API_DOC,
  source: documented(`${MODEL('ImportKeyMaterialRequest.KeyMaterialId')} ("based on the KMS key ID and the imported key material")`, { since: SINCE_MULTI_MATERIAL }),
  tags: ['import'],
  ops: ['CreateKey', 'GetParametersForImport', 'ImportKeyMaterial', 'DeleteImportedKeyMaterial'],
  async run(t) {
    const { key, material: m, materialId } = await importedKey(t);
    await deleteMaterial(t, key.KeyId);
    const again = await importMaterial(t, key.KeyId, m);
    t.expectEqual(again.KeyMaterialId, materialId, 'KeyMaterialId of the re-import');
  },
});
