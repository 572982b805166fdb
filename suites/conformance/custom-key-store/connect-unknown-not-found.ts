import { ConnectCustomKeyStoreCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { CONNECT_DOC, MODEL, documented } from './_support.js';

export default defineCase({
  id: 'custom-key-store.connect-unknown-not-found',
  title: 'ConnectCustomKeyStore with an id that names no store: CustomKeyStoreNotFoundException',
  doc: CONNECT_DOC,
  source: documented(`${MODEL('CustomKeyStoreNotFoundException')} ("AWS KMS cannot find a custom key store with the specified key store name or ID")`),
  tags: ['custom-key-store'],
  ops: ['ConnectCustomKeyStore'],
  timeoutMs: 60_000,
  async run(t) {
    await t.expectError(t.kms.send(new ConnectCustomKeyStoreCommand({ CustomKeyStoreId: 'cks-1234567890abcdef0' })), { code: 'CustomKeyStoreNotFoundException', status: 400 });
  },
});
