import { CLOUDHSM_KEYS_DOC, MODEL, inferred, storeKeyRefusalCase } from './_support.js';

export default storeKeyRefusalCase({
  id: 'custom-key-store.cloudhsm-ecc-key-refused',
  title: 'CreateKey of an ECC_NIST_P256 SIGN_VERIFY key in a CloudHSM key store: UnsupportedOperationException',
  doc: CLOUDHSM_KEYS_DOC,
  source: inferred(`${CLOUDHSM_KEYS_DOC} ("You cannot create ... asymmetric KMS keys" in a CloudHSM key store); ${MODEL('CreateKeyRequest.CustomKeyStoreId')} ("You cannot create any other type of KMS key in a custom key store"); code per ${MODEL('UnsupportedOperationException')}, no AWS answer recorded`),
  tags: ['custom-key-store', 'sign-verify'],
  type: 'AWS_CLOUDHSM',
  input: { KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' },
  code: 'UnsupportedOperationException',
});
