import { CLOUDHSM_KEYS_DOC, MODEL, inferred, storeKeyRefusalCase } from './_support.js';

export default storeKeyRefusalCase({
  id: 'custom-key-store.cloudhsm-hmac-key-refused',
  title: 'CreateKey of an HMAC_256 key in a CloudHSM key store: UnsupportedOperationException',
  doc: CLOUDHSM_KEYS_DOC,
  source: inferred(`${CLOUDHSM_KEYS_DOC} ("You cannot create HMAC KMS keys" in a CloudHSM key store); ${MODEL('CreateKeyRequest.CustomKeyStoreId')}; code per ${MODEL('UnsupportedOperationException')}, no AWS answer recorded`),
  tags: ['custom-key-store', 'hmac'],
  type: 'AWS_CLOUDHSM',
  input: { KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' },
  code: 'UnsupportedOperationException',
});
