import { DeleteImportedKeyMaterialCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { DELETE_IMPORTED_DOC, MODEL, SINCE_MULTI_MATERIAL, documented, importedKey, material } from './_support.js';

/** DeleteImportedKeyMaterial answers the key ARN and the material it deleted. */
export default defineCase({
  id: 'import.delete-reply-shape',
  title: 'DeleteImportedKeyMaterial answers KeyId (ARN) and the KeyMaterialId it deleted',
  doc: DELETE_IMPORTED_DOC,
  source: documented(`${MODEL('DeleteImportedKeyMaterialResponse')}; ${MODEL('DeleteImportedKeyMaterialRequest.KeyMaterialId')} ("If no KeyMaterialId is specified, KMS deletes the current key material")`, { since: SINCE_MULTI_MATERIAL }),
  tags: ['import'],
  ops: ['CreateKey', 'GetParametersForImport', 'ImportKeyMaterial', 'DeleteImportedKeyMaterial'],
  async run(t) {
    const { key, materialId } = await importedKey(t);
    const out = await t.kms.send(new DeleteImportedKeyMaterialCommand({ KeyId: key.KeyId }));
    t.expectEqual([out.KeyId, out.KeyMaterialId], [key.Arn, materialId], 'KeyId and KeyMaterialId');
  },
});
