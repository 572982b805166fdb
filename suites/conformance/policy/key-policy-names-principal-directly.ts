import { DescribeKeyCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { denied, encrypt, EVALUATION_DOC, keyWithPolicy, statement } from './_enforcement.js';
import { documented } from '../_lib/sources.js';

export default defineCase({
  id: 'policy.key-policy-names-principal-directly',
  title: 'A key-policy Allow naming bob lets bob encrypt without any identity policy, and only for the actions it names',
  doc: EVALUATION_DOC,
  source: documented('https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-overview.html ("you can use the key policy alone to control access"); https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html'),
  tags: ['policy'],
  ops: ['CreateKey', 'Encrypt', 'DescribeKey'],
  needs: ['identities'],
  async run(t) {
    const bob = t.as('bob');
    const key = await keyWithPolicy(t, statement('Allow', bob.arn, 'kms:Encrypt'));
    await encrypt(t, key.Arn, undefined, bob.kms);
    await t.expectError(bob.kms.send(new DescribeKeyCommand({ KeyId: key.Arn })), { code: 'AccessDeniedException', message: denied.noIdentityAllow(bob.account, 'kms:DescribeKey', key.Arn) });
  },
});
