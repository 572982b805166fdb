import { RetireGrantCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { givenGrant, grant, GRANT_DELETE_DOC } from './_support.js';
import { givenKey } from '../_lib/prerequisites.js';
import { documented } from '../_lib/sources.js';

export default defineCase({
  id: 'grants.retire-refused-to-plain-grantee',
  title: 'A grantee that is not the retiring principal and whose grant lacks RetireGrant may not retire it',
  doc: GRANT_DELETE_DOC,
  source: documented(`${GRANT_DELETE_DOC} ("The grantee principal can also retire the grant, but only if they are also a retiring principal or the grant includes the RetireGrant operation")`),
  tags: ['grants', 'policy'],
  ops: ['CreateKey', 'CreateGrant', 'RetireGrant'],
  needs: ['identities'],
  async run(t) {
    const key = await givenKey(t);
    const bob = t.as('bob');
    const g = await givenGrant(t, { KeyId: key.KeyId, GranteePrincipal: bob.arn, Operations: ['Encrypt'] });
    await t.expectError(bob.kms.send(new RetireGrantCommand({ KeyId: key.Arn, GrantId: g.GrantId })), { code: 'AccessDeniedException' });
  },
});
