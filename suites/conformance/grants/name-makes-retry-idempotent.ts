import { defineCase } from '../../../harness/conformance/case.js';
import { CREATE_GRANT_DOC, givenGrant, grant, rootArn } from './_support.js';
import { givenKey } from '../_lib/prerequisites.js';
import { documented } from '../_lib/sources.js';

export default defineCase({
  id: 'grants.name-makes-retry-idempotent',
  title: 'CreateGrant retried with the same Name and parameters answers the same grant id (and a new token)',
  doc: `${CREATE_GRANT_DOC}#KMS-CreateGrant-request-Name`,
  source: documented(`${CREATE_GRANT_DOC}#KMS-CreateGrant-request-Name ("if the grant already exists, the original GrantId is returned ... the returned grant token is unique with every CreateGrant request")`),
  tags: ['grants'],
  ops: ['CreateKey', 'CreateGrant'],
  async run(t) {
    const key = await givenKey(t);
    const input = { KeyId: key.KeyId, GranteePrincipal: rootArn(t), Operations: ['Decrypt' as const], Name: 'kmsbench-retry' };
    const a = await givenGrant(t, input);
    const b = await grant(t, input);
    t.expectEqual(b.GrantId, a.GrantId, 'grant id of the retry');
    t.check(b.GrantToken !== a.GrantToken, 'the retry gets a new grant token', { first: a.GrantToken, second: b.GrantToken });
  },
});
