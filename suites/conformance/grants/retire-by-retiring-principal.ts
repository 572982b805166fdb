import { ListGrantsCommand, RetireGrantCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { givenGrant, grant, GRANT_DELETE_DOC } from './_support.js';
import { givenKey } from '../_lib/prerequisites.js';
import { documented } from '../_lib/sources.js';

export default defineCase({
  id: 'grants.retire-by-retiring-principal',
  title: 'The retiring principal (alice) retires a grant with its grant token; the grant is gone',
  doc: GRANT_DELETE_DOC,
  source: documented(`${GRANT_DELETE_DOC} ("A grant can be retired by ... The retiring principal")`),
  tags: ['grants'],
  ops: ['CreateKey', 'CreateGrant', 'RetireGrant', 'ListGrants'],
  needs: ['identities'],
  async run(t) {
    const key = await givenKey(t);
    const alice = t.as('alice');
    const g = await givenGrant(t, { KeyId: key.KeyId, GranteePrincipal: t.as('bob').arn, RetiringPrincipal: alice.arn, Operations: ['Encrypt'] });
    await alice.kms.send(new RetireGrantCommand({ GrantToken: g.GrantToken }));
    const listed = (await t.kms.send(new ListGrantsCommand({ KeyId: key.KeyId }))).Grants ?? [];
    t.check(!listed.some((x) => x.GrantId === g.GrantId), 'the retired grant is not listed', listed);
  },
});
