import { PutKeyPolicyCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { fullControlPolicy, parsed, policyOf, PUT_DOC } from './_support.js';

export default defineCase({
  id: 'policy.put-replaces-policy',
  title: 'A second PutKeyPolicy replaces the first policy entirely (no merge)',
  doc: PUT_DOC,
  tags: ['policy'],
  ops: ['CreateKey', 'PutKeyPolicy', 'GetKeyPolicy'],
  async run(t) {
    const key = await t.createKey();
    const first = fullControlPolicy(t, 'First', [
      { Sid: 'Extra', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${t.account}:root` }, Action: 'kms:Encrypt', Resource: '*' },
    ]);
    const second = fullControlPolicy(t, 'Second');
    await t.kms.send(new PutKeyPolicyCommand({ KeyId: key.KeyId, PolicyName: 'default', Policy: first }));
    await t.kms.send(new PutKeyPolicyCommand({ KeyId: key.KeyId, PolicyName: 'default', Policy: second }));
    t.expectEqual(parsed(t, await policyOf(t, key.KeyId), 'the returned policy'), JSON.parse(second), 'policy after the second PutKeyPolicy');
  },
});
