import { defineCase } from '../../../harness/conformance/case.js';
import { CREATE_KEY_DOC, MODEL, expectStoreKeyRefused, inferred } from './_support.js';

export default defineCase({
  id: 'custom-key-store.xks-origin-cloudhsm-refused',
  title: 'CreateKey with Origin AWS_CLOUDHSM in an external key store is refused',
  doc: CREATE_KEY_DOC,
  source: inferred(`${MODEL('CreateKeyRequest.Origin')} (EXTERNAL_KEY_STORE for a key in an external key store); ${MODEL('CreateKeyRequest.XksKeyId')} ("It is not valid for KMS keys with any other Origin value"); code ValidationException not recorded`),
  tags: ['custom-key-store'],
  ops: ['CreateCustomKeyStore', 'ConnectCustomKeyStore', 'DescribeCustomKeyStores', 'CreateKey', 'ListKeys', 'DescribeKey'],
  needs: ['key-store-fixtures'],
  timeoutMs: 60_000,
  async run(t) {
    await expectStoreKeyRefused(t, 'EXTERNAL_KEY_STORE', { Origin: 'AWS_CLOUDHSM' }, 'ValidationException');
  },
});
