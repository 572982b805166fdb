import { defineCase } from '../../../harness/conformance/case.js';
import { CREATE_XKS_KEYS_DOC, MODEL, expectStoreKeyRefused, inferred } from './_support.js';

export default defineCase({
  id: 'custom-key-store.xks-key-agreement-key-refused',
  title: 'CreateKey of an ECC_NIST_P384 KEY_AGREEMENT key in an external key store: UnsupportedOperationException',
  doc: CREATE_XKS_KEYS_DOC,
  source: inferred(`${CREATE_XKS_KEYS_DOC} ("You cannot create asymmetric KMS keys ... in a custom key store"); ${MODEL('CreateKeyRequest.CustomKeyStoreId')}; code per ${MODEL('UnsupportedOperationException')}, no AWS answer recorded`),
  tags: ['custom-key-store', 'key-agreement'],
  ops: ['CreateCustomKeyStore', 'ConnectCustomKeyStore', 'DescribeCustomKeyStores', 'CreateKey', 'ListKeys', 'DescribeKey'],
  needs: ['key-store-fixtures'],
  timeoutMs: 60_000,
  async run(t) {
    await expectStoreKeyRefused(t, 'EXTERNAL_KEY_STORE', { KeySpec: 'ECC_NIST_P384', KeyUsage: 'KEY_AGREEMENT' }, 'UnsupportedOperationException');
  },
});
