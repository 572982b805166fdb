import { defineCase } from '../../../harness/conformance/case.js';
import { CREATE_KEY_DOC, MODEL, expectStoreKeyRefused, inferred } from './_support.js';

export default defineCase({
  id: 'custom-key-store.cloudhsm-origin-external-key-store-refused',
  title: 'CreateKey with Origin EXTERNAL_KEY_STORE in a CloudHSM key store is refused',
  doc: CREATE_KEY_DOC,
  source: inferred(`${MODEL('CreateKeyRequest.Origin')} (a key in a CloudHSM key store has Origin AWS_CLOUDHSM, in an external key store EXTERNAL_KEY_STORE); code ValidationException not recorded`),
  tags: ['custom-key-store'],
  ops: ['CreateCustomKeyStore', 'ConnectCustomKeyStore', 'DescribeCustomKeyStores', 'CreateKey', 'ListKeys', 'DescribeKey'],
  needs: ['key-store-fixtures'],
  timeoutMs: 60_000,
  async run(t) {
    await expectStoreKeyRefused(t, 'AWS_CLOUDHSM', { Origin: 'EXTERNAL_KEY_STORE' }, 'ValidationException');
  },
});
