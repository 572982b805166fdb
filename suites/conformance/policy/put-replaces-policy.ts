import { fullControlPolicy, PUT_DOC } from './_support.js';
import { putAttachesCase } from './_put.js';
import { documented } from '../_lib/sources.js';

export default putAttachesCase({
  id: 'policy.put-replaces-policy',
  title: 'A second PutKeyPolicy replaces the first policy entirely (no merge)',
  doc: PUT_DOC,
  source: documented('https://docs.aws.amazon.com/kms/latest/APIReference/API_PutKeyPolicy.html (attaches the given key policy to the KMS key)'),
  first: (t) =>
    fullControlPolicy(t, 'First', [
      { Sid: 'Extra', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${t.account}:root` }, Action: 'kms:Encrypt', Resource: '*' },
    ]),
  policy: (t) => fullControlPolicy(t, 'Second'),
});
