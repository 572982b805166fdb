import { defineCase } from '../../../harness/conformance/case.js';
import { CLOUDHSM_KEYS_DOC, MODEL, expectStoreKeyRefused, inferred } from './_support.js';

export default defineCase({
  id: 'custom-key-store.cloudhsm-hmac-key-refused',
  title: 'CreateKey of an HMAC_256 key in a CloudHSM key store: UnsupportedOperationException',
  doc: CLOUDHSM_KEYS_DOC,
  source: inferred(`${CLOUDHSM_KEYS_DOC} ("You cannot create HMAC KMS keys" in a CloudHSM key store); ${MODEL('CreateKeyRequest.CustomKeyStoreId')}; code per ${MODEL('UnsupportedOperationException')}, no AWS answer recorded`),
  tags: ['custom-key-store', 'hmac'],
  ops: ['CreateCustomKeyStore', 'ConnectCustomKeyStore', 'DescribeCustomKeyStores', 'CreateKey', 'ListKeys', 'DescribeKey'],
  needs: ['key-store-fixtures'],
  timeoutMs: 60_000,
  async run(t) {
    await expectStoreKeyRefused(t, 'AWS_CLOUDHSM', { KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' }, 'UnsupportedOperationException');
  },
});
