import { DescribeCustomKeyStoresCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { DESCRIBE_DOC, MODEL, documented } from './_support.js';

export default defineCase({
  id: 'custom-key-store.describe-unknown-not-found',
  title: 'DescribeCustomKeyStores with an id that names no store: CustomKeyStoreNotFoundException',
  doc: DESCRIBE_DOC,
  source: documented(`${MODEL('DescribeCustomKeyStores')} errors: CustomKeyStoreNotFoundException ("the specified custom key store ID or name ... does not exist")`),
  tags: ['custom-key-store'],
  ops: ['DescribeCustomKeyStores'],
  timeoutMs: 60_000,
  async run(t) {
    await t.expectError(t.kms.send(new DescribeCustomKeyStoresCommand({ CustomKeyStoreId: 'cks-1234567890abcdef0' })), { code: 'CustomKeyStoreNotFoundException', status: 400 });
  },
});
