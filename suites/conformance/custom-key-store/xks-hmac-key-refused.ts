import { CREATE_XKS_KEYS_DOC, MODEL, inferred, storeKeyRefusalCase } from './_support.js';

export default storeKeyRefusalCase({
  id: 'custom-key-store.xks-hmac-key-refused',
  title: 'CreateKey of an HMAC_512 key in an external key store: UnsupportedOperationException',
  doc: CREATE_XKS_KEYS_DOC,
  source: inferred(`${CREATE_XKS_KEYS_DOC} ("You cannot create ... HMAC KMS keys ... in a custom key store"); code per ${MODEL('UnsupportedOperationException')}, no AWS answer recorded`),
  tags: ['custom-key-store', 'hmac'],
  type: 'EXTERNAL_KEY_STORE',
  input: { KeySpec: 'HMAC_512', KeyUsage: 'GENERATE_VERIFY_MAC' },
  code: 'UnsupportedOperationException',
});
