import { PutKeyPolicyCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { fullControlPolicy, parsed, policyOf, PUT_DOC } from './_support.js';
import { givenKey, TESTED_BY } from '../_lib/prerequisites.js';

export default defineCase({
  id: 'policy.put-replaces-policy',
  title: 'A second PutKeyPolicy replaces the first policy entirely (no merge)',
  doc: PUT_DOC,
  source: {
    kind: 'documented',
    cite: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_PutKeyPolicy.html (attaches the given key policy to the KMS key)',
    verifiedAt: '2026-12-07',
  },
  tags: ['policy'],
  ops: ['CreateKey', 'PutKeyPolicy', 'GetKeyPolicy'],
  async run(t) {
    const key = await givenKey(t);
    const first = fullControlPolicy(t, 'First', [
      { Sid: 'Extra', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${t.account}:root` }, Action: 'kms:Encrypt', Resource: '*' },
    ]);
    const second = fullControlPolicy(t, 'Second');
    await t.given('PutKeyPolicy attaches a first policy', () => t.kms.send(new PutKeyPolicyCommand({ KeyId: key.KeyId, PolicyName: 'default', Policy: first })), {
      coveredBy: TESTED_BY.putKeyPolicy,
    });
    await t.kms.send(new PutKeyPolicyCommand({ KeyId: key.KeyId, PolicyName: 'default', Policy: second }));
    t.expectEqual(parsed(t, await policyOf(t, key.KeyId), 'the returned policy'), JSON.parse(second), 'policy after the second PutKeyPolicy');
  },
});
