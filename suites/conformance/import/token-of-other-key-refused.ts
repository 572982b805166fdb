import { ImportKeyMaterialCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { documented, externalKey, givenParameters, IMPORT_API_DOC, material, MODEL, wrapKeyMaterial } from './_support.js';
import { refused } from '../_lib/support.js';

/** InvalidImportTokenException: "the provided import token is ... associated with a different KMS key". */
export default defineCase({
  id: 'import.token-of-other-key-refused',
  title: "An import token of another key: InvalidImportTokenException",
  doc: IMPORT_API_DOC,
  source: documented(MODEL('InvalidImportTokenException ("the provided import token is invalid or is associated with a different KMS key")')),
  tags: ['import'],
  ops: ['CreateKey', 'GetParametersForImport', 'ImportKeyMaterial'],
  async run(t) {
    const key = await externalKey(t);
    const other = await externalKey(t);
    const p = await givenParameters(t, other.KeyId);
    await t.expectError(
      t.kms.send(new ImportKeyMaterialCommand({ KeyId: key.KeyId, ImportToken: p.ImportToken, EncryptedKeyMaterial: wrapKeyMaterial(p.PublicKey!, 'RSAES_OAEP_SHA_256', material()), ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' })),
      { code: 'InvalidImportTokenException', status: 400 },
    );
  },
});
