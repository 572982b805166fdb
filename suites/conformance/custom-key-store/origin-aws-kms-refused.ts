import { defineCase } from '../../../harness/conformance/case.js';
import { CREATE_KEY_DOC, MODEL, expectStoreKeyRefused, inferred } from './_support.js';

export default defineCase({
  id: 'custom-key-store.origin-aws-kms-refused',
  title: 'CreateKey with Origin AWS_KMS and a CustomKeyStoreId is refused',
  doc: CREATE_KEY_DOC,
  source: inferred(`${MODEL('CreateKeyRequest.Origin')} (AWS_KMS: "KMS creates the key material"; AWS_CLOUDHSM for a CloudHSM key store, with CustomKeyStoreId); code ValidationException not recorded`),
  tags: ['custom-key-store'],
  ops: ['CreateCustomKeyStore', 'ConnectCustomKeyStore', 'DescribeCustomKeyStores', 'CreateKey', 'ListKeys', 'DescribeKey'],
  needs: ['key-store-fixtures'],
  timeoutMs: 60_000,
  async run(t) {
    await expectStoreKeyRefused(t, 'AWS_CLOUDHSM', { Origin: 'AWS_KMS' }, 'ValidationException');
  },
});
