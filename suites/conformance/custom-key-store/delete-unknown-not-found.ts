import { DeleteCustomKeyStoreCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { DELETE_DOC, MODEL, documented } from './_support.js';

export default defineCase({
  id: 'custom-key-store.delete-unknown-not-found',
  title: 'DeleteCustomKeyStore with an id that names no store: CustomKeyStoreNotFoundException',
  doc: DELETE_DOC,
  source: documented(`${MODEL('CustomKeyStoreNotFoundException')}`),
  tags: ['custom-key-store'],
  ops: ['DeleteCustomKeyStore'],
  timeoutMs: 60_000,
  async run(t) {
    await t.expectError(t.kms.send(new DeleteCustomKeyStoreCommand({ CustomKeyStoreId: 'cks-1234567890abcdef0' })), { code: 'CustomKeyStoreNotFoundException', status: 400 });
  },
});
