import { defineCase } from '../../../harness/conformance/case.js';
import { CREATE_XKS_KEYS_DOC, MODEL, expectStoreKeyRefused, inferred } from './_support.js';

export default defineCase({
  id: 'custom-key-store.xks-hmac-key-refused',
  title: 'CreateKey of an HMAC_512 key in an external key store: UnsupportedOperationException',
  doc: CREATE_XKS_KEYS_DOC,
  source: inferred(`${CREATE_XKS_KEYS_DOC} ("You cannot create ... HMAC KMS keys ... in a custom key store"); code per ${MODEL('UnsupportedOperationException')}, no AWS answer recorded`),
  tags: ['custom-key-store', 'hmac'],
  ops: ['CreateCustomKeyStore', 'ConnectCustomKeyStore', 'DescribeCustomKeyStores', 'CreateKey', 'ListKeys', 'DescribeKey'],
  needs: ['key-store-fixtures'],
  timeoutMs: 60_000,
  async run(t) {
    await expectStoreKeyRefused(t, 'EXTERNAL_KEY_STORE', { KeySpec: 'HMAC_512', KeyUsage: 'GENERATE_VERIFY_MAC' }, 'UnsupportedOperationException');
  },
});
