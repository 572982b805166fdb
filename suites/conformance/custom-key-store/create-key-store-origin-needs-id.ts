import { CreateKeyCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { CREATE_KEY_DOC, MODEL, inferred } from './_support.js';
import { refused } from '../_lib/support.js';

export default defineCase({
  id: 'custom-key-store.create-key-store-origin-needs-id',
  title: 'CreateKey with Origin AWS_CLOUDHSM and no CustomKeyStoreId is refused',
  doc: CREATE_KEY_DOC,
  source: inferred(`${MODEL('CreateKeyRequest.Origin')} ("To create a KMS key in an CloudHSM key store ... set this value to AWS_CLOUDHSM. You must also use the CustomKeyStoreId parameter"); code ValidationException not recorded`),
  tags: ['custom-key-store'],
  ops: ['CreateKey'],
  timeoutMs: 60_000,
  async run(t) {
    await t.expectError(t.kms.send(new CreateKeyCommand({ Origin: 'AWS_CLOUDHSM' })), { code: 'ValidationException', status: 400 });
  },
});
