import { CLOUDHSM_KEYS_DOC, MODEL, inferred, storeKeyRefusalCase } from './_support.js';

export default storeKeyRefusalCase({
  id: 'custom-key-store.cloudhsm-rsa-key-refused',
  title: 'CreateKey of an RSA_2048 ENCRYPT_DECRYPT key in a CloudHSM key store: UnsupportedOperationException',
  doc: CLOUDHSM_KEYS_DOC,
  source: inferred(`${CLOUDHSM_KEYS_DOC} ("AWS CloudHSM key stores support only symmetric encryption KMS keys"); ${MODEL('CreateKeyRequest.Origin')} (AWS_CLOUDHSM: "The KeySpec value must be SYMMETRIC_DEFAULT"); code per ${MODEL('UnsupportedOperationException')} ("a specified parameter is not supported"), no AWS answer recorded`),
  tags: ['custom-key-store', 'asymmetric'],
  type: 'AWS_CLOUDHSM',
  input: { KeySpec: 'RSA_2048', KeyUsage: 'ENCRYPT_DECRYPT' },
  code: 'UnsupportedOperationException',
});
