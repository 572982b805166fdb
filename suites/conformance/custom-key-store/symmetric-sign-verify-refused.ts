import { CREATE_KEY_DOC, MODEL, inferred, storeKeyRefusalCase } from './_support.js';

export default storeKeyRefusalCase({
  id: 'custom-key-store.symmetric-sign-verify-refused',
  title: 'CreateKey of a SYMMETRIC_DEFAULT key for SIGN_VERIFY in a CloudHSM key store: ValidationException, as outside one',
  doc: CREATE_KEY_DOC,
  source: inferred(`spec/aws-observed.md V11 (an incompatible KeyUsage for the KeySpec: ValidationException "KeyUsage KEY_AGREEMENT is not compatible with KeySpec RSA_2048", outside custom key stores); ${MODEL('CreateKeyRequest.KeyUsage')} ("For symmetric encryption KMS keys, omit the parameter or specify ENCRYPT_DECRYPT"); that a custom key store answers the same is not recorded`),
  tags: ['custom-key-store'],
  type: 'AWS_CLOUDHSM',
  input: { KeySpec: 'SYMMETRIC_DEFAULT', KeyUsage: 'SIGN_VERIFY' },
  code: 'ValidationException',
});
