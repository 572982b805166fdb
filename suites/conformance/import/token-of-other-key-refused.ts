import { documented, externalKey, givenParameters, MODEL, parametersRefused } from './_support.js';

/** InvalidImportTokenException: "the provided import token is ... associated with a different KMS key". */
export default parametersRefused({
  behaviour: 'token-of-other-key-refused',
  title: "An import token of another key: InvalidImportTokenException",
  source: documented(MODEL('InvalidImportTokenException ("the provided import token is invalid or is associated with a different KMS key")')),
  code: 'InvalidImportTokenException',
  async parameters(t) {
    const other = await externalKey(t);
    return givenParameters(t, other.KeyId);
  },
});
