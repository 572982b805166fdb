import { documented, givenParameters, MODEL, parametersRefused } from './_support.js';

/** Material not encrypted under this token's public key does not decrypt: InvalidCiphertextException. */
export default parametersRefused({
  behaviour: 'wrong-wrapping-key-invalid-ciphertext',
  title: "Material wrapped under another wrapping key than the token's: InvalidCiphertextException",
  source: documented(`${MODEL('ImportKeyMaterial.EncryptedKeyMaterial')} ("must be encrypted under the public wrapping key that GetParametersForImport returned"); ${MODEL('InvalidCiphertextException')} in ImportKeyMaterial's errors`),
  code: 'InvalidCiphertextException',
  async parameters(t, key) {
    const mine = await givenParameters(t, key.KeyId);
    const other = await givenParameters(t, key.KeyId);
    return { ImportToken: mine.ImportToken, PublicKey: other.PublicKey };
  },
});
