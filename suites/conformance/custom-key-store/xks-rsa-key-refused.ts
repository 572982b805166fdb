import { CREATE_XKS_KEYS_DOC, MODEL, inferred, storeKeyRefusalCase } from './_support.js';

export default storeKeyRefusalCase({
  id: 'custom-key-store.xks-rsa-key-refused',
  title: 'CreateKey of an RSA_2048 SIGN_VERIFY key in an external key store: UnsupportedOperationException',
  doc: CREATE_XKS_KEYS_DOC,
  source: inferred(`${CREATE_XKS_KEYS_DOC} ("They must be symmetric encryption KMS keys ... You cannot create asymmetric KMS keys"); ${MODEL('CreateKeyRequest.Origin')} (EXTERNAL_KEY_STORE: "The KeySpec value must be SYMMETRIC_DEFAULT"); code per ${MODEL('UnsupportedOperationException')}, no AWS answer recorded`),
  tags: ['custom-key-store', 'sign-verify'],
  type: 'EXTERNAL_KEY_STORE',
  input: { KeySpec: 'RSA_2048', KeyUsage: 'SIGN_VERIFY' },
  code: 'UnsupportedOperationException',
});
