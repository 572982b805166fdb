import { EncryptCommand, ListGrantsCommand, RevokeGrantCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { givenGrant, grant, GRANT_DELETE_DOC } from './_support.js';
import { givenKey } from '../_lib/prerequisites.js';
import { documented } from '../_lib/sources.js';

export default defineCase({
  id: 'grants.revoke-removes-permission',
  title: 'After RevokeGrant the grant is no longer listed and bob may no longer use the key',
  doc: GRANT_DELETE_DOC,
  source: documented(`${GRANT_DELETE_DOC} ("Both operations delete a grant, which eliminates the permissions the grant allows")`),
  tags: ['grants'],
  ops: ['CreateKey', 'CreateGrant', 'Encrypt', 'RevokeGrant', 'ListGrants'],
  needs: ['identities'],
  async run(t) {
    const bob = t.as('bob');
    const key = await givenKey(t);
    const g = await givenGrant(t, { KeyId: key.KeyId, GranteePrincipal: bob.arn, Operations: ['Encrypt'] });
    await t.given('bob encrypts under the grant (grant token passed)', () => bob.kms.send(new EncryptCommand({ KeyId: key.Arn, Plaintext: t.bytes(16), GrantTokens: [g.GrantToken] })), {
      coveredBy: 'grants.grantee-uses-grant',
    });
    await t.kms.send(new RevokeGrantCommand({ KeyId: key.KeyId, GrantId: g.GrantId }));
    const listed = (await t.kms.send(new ListGrantsCommand({ KeyId: key.KeyId }))).Grants ?? [];
    t.check(!listed.some((x) => x.GrantId === g.GrantId), 'the revoked grant is not listed', listed);
    await t.expectError(bob.kms.send(new EncryptCommand({ KeyId: key.Arn, Plaintext: t.bytes(16) })), { code: 'AccessDeniedException' });
  },
});
