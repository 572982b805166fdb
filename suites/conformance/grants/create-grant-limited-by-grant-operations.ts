import { CreateGrantCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { keyWithPolicy, statement } from '../policy/_enforcement.js';
import { documented } from '../_lib/sources.js';

export default defineCase({
  id: 'grants.create-grant-limited-by-grant-operations',
  title: 'A key policy letting bob create grants only for Encrypt/Decrypt (kms:GrantOperations) refuses him a grant for ReEncryptFrom',
  doc: 'https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html#conditions-kms-grant-operations',
  source: documented('https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html#conditions-kms-grant-operations'),
  tags: ['grants', 'policy'],
  ops: ['CreateKey', 'CreateGrant'],
  needs: ['identities'],
  async run(t) {
    const bob = t.as('bob');
    const key = await keyWithPolicy(
      t,
      statement('Allow', bob.arn, 'kms:CreateGrant', { Condition: { 'ForAllValues:StringEquals': { 'kms:GrantOperations': ['Encrypt', 'Decrypt'] } } }),
    );
    await bob.kms.send(new CreateGrantCommand({ KeyId: key.Arn, GranteePrincipal: bob.arn, Operations: ['Encrypt'] }));
    await t.expectError(bob.kms.send(new CreateGrantCommand({ KeyId: key.Arn, GranteePrincipal: bob.arn, Operations: ['Encrypt', 'ReEncryptFrom'] })), {
      code: 'AccessDeniedException',
    });
  },
});
