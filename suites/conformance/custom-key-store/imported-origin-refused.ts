import { defineCase } from '../../../harness/conformance/case.js';
import { CREATE_XKS_KEYS_DOC, expectStoreKeyRefused, inferred } from './_support.js';

export default defineCase({
  id: 'custom-key-store.imported-origin-refused',
  title: 'CreateKey with Origin EXTERNAL (imported key material) in an external key store is refused',
  doc: CREATE_XKS_KEYS_DOC,
  source: inferred(`${CREATE_XKS_KEYS_DOC} ("You cannot create ... KMS keys with imported key material in a custom key store"); code ValidationException not recorded`),
  tags: ['custom-key-store', 'import'],
  ops: ['CreateCustomKeyStore', 'ConnectCustomKeyStore', 'DescribeCustomKeyStores', 'CreateKey', 'ListKeys', 'DescribeKey'],
  needs: ['key-store-fixtures'],
  timeoutMs: 60_000,
  async run(t) {
    await expectStoreKeyRefused(t, 'EXTERNAL_KEY_STORE', { Origin: 'EXTERNAL' }, 'ValidationException');
  },
});
