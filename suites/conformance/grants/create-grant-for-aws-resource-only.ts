import { CreateGrantCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { keyWithPolicy, statement } from '../policy/_enforcement.js';
import { documented } from '../_lib/sources.js';

export default defineCase({
  id: 'grants.create-grant-for-aws-resource-only',
  title: 'An Allow of kms:CreateGrant conditioned on kms:GrantIsForAWSResource does not let bob create a grant himself',
  doc: 'https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html#conditions-kms-grant-is-for-aws-resource',
  source: documented('https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html#conditions-kms-grant-is-for-aws-resource ("only when an AWS service that is integrated with AWS KMS sends the request")'),
  tags: ['grants', 'policy'],
  ops: ['CreateKey', 'CreateGrant'],
  needs: ['identities'],
  async run(t) {
    const bob = t.as('bob');
    const key = await keyWithPolicy(t, statement('Allow', bob.arn, 'kms:CreateGrant', { Condition: { Bool: { 'kms:GrantIsForAWSResource': 'true' } } }));
    await t.expectError(bob.kms.send(new CreateGrantCommand({ KeyId: key.Arn, GranteePrincipal: bob.arn, Operations: ['Encrypt'] })), { code: 'AccessDeniedException' });
  },
});
