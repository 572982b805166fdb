import { CreateKeyCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { CREATE_KEY_DOC, MODEL, documented } from './_support.js';

export default defineCase({
  id: 'custom-key-store.create-key-unknown-store-not-found',
  title: 'CreateKey with a CustomKeyStoreId that names no store: CustomKeyStoreNotFoundException',
  doc: CREATE_KEY_DOC,
  source: documented(`${MODEL('CreateKey')} errors: CustomKeyStoreNotFoundException`),
  tags: ['custom-key-store'],
  ops: ['CreateKey'],
  timeoutMs: 60_000,
  async run(t) {
    await t.expectError(t.kms.send(new CreateKeyCommand({ CustomKeyStoreId: 'cks-1234567890abcdef0', Origin: 'AWS_CLOUDHSM' })), { code: 'CustomKeyStoreNotFoundException', status: 400 });
  },
});
