import { ImportKeyMaterialCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { documented, externalKey, givenParameters, IMPORT_API_DOC, material, MODEL, wrapKeyMaterial } from './_support.js';
import { refused } from '../_lib/support.js';

/** A changed import token is not one KMS issued. */
export default defineCase({
  id: 'import.token-tampered-refused',
  title: 'An import token with one byte changed: InvalidImportTokenException',
  doc: IMPORT_API_DOC,
  source: documented(MODEL('InvalidImportTokenException ("the provided import token is invalid")')),
  tags: ['import'],
  ops: ['CreateKey', 'GetParametersForImport', 'ImportKeyMaterial'],
  async run(t) {
    const key = await externalKey(t);
    const p = await givenParameters(t, key.KeyId);
    const token = Buffer.from(p.ImportToken!);
    token[token.length - 1]! ^= 0x01;
    await t.expectError(
      t.kms.send(new ImportKeyMaterialCommand({ KeyId: key.KeyId, ImportToken: token, EncryptedKeyMaterial: wrapKeyMaterial(p.PublicKey!, 'RSAES_OAEP_SHA_256', material()), ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' })),
      { code: 'InvalidImportTokenException', status: 400 },
    );
  },
});
