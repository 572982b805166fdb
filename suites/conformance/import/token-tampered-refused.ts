import { documented, givenParameters, MODEL, parametersRefused } from './_support.js';

/** A changed import token is not one KMS issued. */
export default parametersRefused({
  behaviour: 'token-tampered-refused',
  title: 'An import token with one byte changed: InvalidImportTokenException',
  source: documented(MODEL('InvalidImportTokenException ("the provided import token is invalid")')),
  code: 'InvalidImportTokenException',
  async parameters(t, key) {
    const p = await givenParameters(t, key.KeyId);
    const token = Buffer.from(p.ImportToken!);
    token[token.length - 1]! ^= 0x01;
    return { ImportToken: token, PublicKey: p.PublicKey };
  },
});
