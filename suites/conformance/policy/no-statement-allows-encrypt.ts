import { defineCase } from '../../../harness/conformance/case.js';
import { denied, encrypt, EVALUATION_DOC } from './_enforcement.js';
import { root } from './_support.js';
import { givenKey } from '../_lib/prerequisites.js';
import { recorded } from '../_lib/sources.js';

/** The account keeps every management action (the harness deletes the key afterwards), but no statement covers kms:Encrypt. */
export default defineCase({
  id: 'policy.no-statement-allows-encrypt',
  title: 'Encrypt on a key whose policy allows no one kms:Encrypt is refused "because no resource-based policy allows" it',
  doc: EVALUATION_DOC,
  source: recorded('spec/aws-observed.md §10 X2 ("because no resource-based policy allows the kms:Decrypt action")'),
  tags: ['policy'],
  ops: ['CreateKey', 'Encrypt'],
  async run(t) {
    const policy = {
      Version: '2012-10-17',
      Statement: [{ Sid: 'ManageOnly', Effect: 'Allow', Principal: { AWS: root(t) }, NotAction: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*'], Resource: '*' }],
    };
    const key = await givenKey(t, { Policy: JSON.stringify(policy) });
    await t.expectError(encrypt(t, key.KeyId), { code: 'AccessDeniedException', status: 400, message: denied.noResourceAllow(t.account, 'kms:Encrypt', key.Arn) });
  },
});
