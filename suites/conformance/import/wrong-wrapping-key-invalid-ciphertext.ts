import { ImportKeyMaterialCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { documented, externalKey, givenParameters, IMPORT_API_DOC, material, MODEL, wrapKeyMaterial } from './_support.js';

/** Material not encrypted under this token's public key does not decrypt: InvalidCiphertextException. */
export default defineCase({
  id: 'import.wrong-wrapping-key-invalid-ciphertext',
  title: "Material wrapped under another wrapping key than the token's: InvalidCiphertextException",
  doc: IMPORT_API_DOC,
  source: documented(`${MODEL('ImportKeyMaterial.EncryptedKeyMaterial')} ("must be encrypted under the public wrapping key that GetParametersForImport returned"); ${MODEL('InvalidCiphertextException')} in ImportKeyMaterial's errors`),
  tags: ['import'],
  ops: ['CreateKey', 'GetParametersForImport', 'ImportKeyMaterial'],
  async run(t) {
    const key = await externalKey(t);
    const mine = await givenParameters(t, key.KeyId);
    const other = await givenParameters(t, key.KeyId);
    await t.expectError(
      t.kms.send(new ImportKeyMaterialCommand({ KeyId: key.KeyId, ImportToken: mine.ImportToken, EncryptedKeyMaterial: wrapKeyMaterial(other.PublicKey!, 'RSAES_OAEP_SHA_256', material()), ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' })),
      { code: 'InvalidCiphertextException', status: 400 },
    );
  },
});
