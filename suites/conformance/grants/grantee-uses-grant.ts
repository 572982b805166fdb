import { EncryptCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { givenGrant, grant, GRANTS_DOC } from './_support.js';
import { givenKey } from '../_lib/prerequisites.js';
import { documented } from '../_lib/sources.js';

export default defineCase({
  id: 'grants.grantee-uses-grant',
  title: "bob, refused before, encrypts with his own credentials once a grant names him (grant token passed)",
  doc: `${GRANTS_DOC}#terms-grant-token`,
  source: documented(`${GRANTS_DOC} ("the grant allows the grantee principal to call the specified grant operations on the KMS key")`),
  tags: ['grants', 'policy'],
  ops: ['CreateKey', 'CreateGrant', 'Encrypt'],
  needs: ['identities'],
  async run(t) {
    const bob = t.as('bob');
    const key = await givenKey(t);
    await t.expectError(bob.kms.send(new EncryptCommand({ KeyId: key.Arn, Plaintext: t.bytes(16) })), { code: 'AccessDeniedException' });
    const g = await givenGrant(t, { KeyId: key.KeyId, GranteePrincipal: bob.arn, Operations: ['Encrypt'] });
    await bob.kms.send(new EncryptCommand({ KeyId: key.Arn, Plaintext: t.bytes(16), GrantTokens: [g.GrantToken] }));
  },
});
