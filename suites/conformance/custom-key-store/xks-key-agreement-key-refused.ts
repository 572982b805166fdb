import { CREATE_XKS_KEYS_DOC, MODEL, inferred, storeKeyRefusalCase } from './_support.js';

export default storeKeyRefusalCase({
  id: 'custom-key-store.xks-key-agreement-key-refused',
  title: 'CreateKey of an ECC_NIST_P384 KEY_AGREEMENT key in an external key store: UnsupportedOperationException',
  doc: CREATE_XKS_KEYS_DOC,
  source: inferred(`${CREATE_XKS_KEYS_DOC} ("You cannot create asymmetric KMS keys ... in a custom key store"); ${MODEL('CreateKeyRequest.CustomKeyStoreId')}; code per ${MODEL('UnsupportedOperationException')}, no AWS answer recorded`),
  tags: ['custom-key-store', 'key-agreement'],
  type: 'EXTERNAL_KEY_STORE',
  input: { KeySpec: 'ECC_NIST_P384', KeyUsage: 'KEY_AGREEMENT' },
  code: 'UnsupportedOperationException',
});
