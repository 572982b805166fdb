import { DescribeKeyCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { denied, encrypt, EVALUATION_DOC, keyWithPolicy, statement } from './_enforcement.js';
import { root } from './_support.js';
import { documented } from '../_lib/sources.js';

/** The first check: an explicit Deny in the key policy stops Encrypt, though the Admin statement allows kms:*. */
export default defineCase({
  id: 'policy.deny-statement-refuses-encrypt',
  title: 'A key-policy Deny of kms:Encrypt refuses Encrypt despite an Allow of kms:*; other actions stay allowed',
  doc: EVALUATION_DOC,
  source: documented('https://docs.aws.amazon.com/kms/latest/developerguide/determining-access.html ("an explicit deny ... overrides any allow"); message shape: aws/aws-nitro-enclaves-sdk-c#157 (raw KMS answer)'),
  tags: ['policy'],
  ops: ['CreateKey', 'Encrypt', 'DescribeKey'],
  async run(t) {
    const key = await keyWithPolicy(t, { Sid: 'NoEncrypt', ...statement('Deny', root(t), 'kms:Encrypt') });
    await t.expectError(encrypt(t, key.KeyId), { code: 'AccessDeniedException', status: 400, message: denied.explicitDeny(t.account, 'kms:Encrypt', key.Arn) });
    await t.kms.send(new DescribeKeyCommand({ KeyId: key.KeyId }));
  },
});
