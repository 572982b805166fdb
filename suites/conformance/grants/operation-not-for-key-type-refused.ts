import { CreateGrantCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { CREATE_GRANT_DOC, rootArn } from './_support.js';
import { givenKey } from '../_lib/prerequisites.js';
import { documented } from '../_lib/sources.js';

export default defineCase({
  id: 'grants.operation-not-for-key-type-refused',
  title: 'CreateGrant for Sign on a symmetric encryption key is refused with ValidationException',
  doc: `${CREATE_GRANT_DOC}#KMS-CreateGrant-request-Operations`,
  source: documented(`${CREATE_GRANT_DOC}#KMS-CreateGrant-request-Operations ("grants for symmetric encryption KMS keys cannot allow ... Sign ... If you try, KMS returns a ValidationError exception")`),
  tags: ['grants'],
  ops: ['CreateKey', 'CreateGrant'],
  async run(t) {
    const key = await givenKey(t);
    await t.expectError(t.kms.send(new CreateGrantCommand({ KeyId: key.KeyId, GranteePrincipal: rootArn(t), Operations: ['Sign'] })), { code: 'ValidationException', status: 400 });
  },
});
