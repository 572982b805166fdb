import { admin } from './_enforcement.js';
import { root } from './_support.js';
import { putDocumentCase } from './_put.js';
import { documented } from '../_lib/sources.js';

export default putDocumentCase({
  id: 'policy.statement-without-action-accepted',
  title: 'A statement without Action is accepted (it has no effect) when the rest of the policy passes',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateKey.html#KMS-CreateKey-request-Policy',
  source: documented('https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateKey.html#KMS-CreateKey-request-Policy ("If either of the required Resource or Action elements are missing ... the policy statement has no effect ... requests succeed")'),
  policy: (t) =>
    JSON.stringify({
      Version: '2012-10-17',
      Statement: [admin(t), { Sid: 'NoAction', Effect: 'Allow', Principal: { AWS: root(t) }, Resource: '*' }],
    }),
});
