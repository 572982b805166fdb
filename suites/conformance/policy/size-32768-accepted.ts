import { PutKeyPolicyCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { parsed, policyOf, SIZE_DOC } from './_support.js';
import { policyOfSize } from './_size.js';
import { givenKey } from '../_lib/prerequisites.js';

/** kms-facts.md; developer guide, key policy format: a key policy document is at most 32 kilobytes (32,768 bytes). */
export default defineCase({
  id: 'policy.size-32768-accepted',
  title: 'PutKeyPolicy accepts a policy of exactly 32,768 bytes',
  doc: SIZE_DOC,
  source: {
    kind: 'documented',
    cite: 'https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-overview.html#key-policy-format (up to 32 kilobytes, 32,768 bytes)',
    verifiedAt: '2026-12-07',
  },
  tags: ['policy', 'limits'],
  ops: ['CreateKey', 'PutKeyPolicy', 'GetKeyPolicy'],
  async run(t) {
    const key = await givenKey(t);
    const policy = policyOfSize(t, 32_768);
    await t.kms.send(new PutKeyPolicyCommand({ KeyId: key.KeyId, PolicyName: 'default', Policy: policy }));
    t.expectEqual(parsed(t, await policyOf(t, key.KeyId), 'the returned policy'), JSON.parse(policy), 'policy after PutKeyPolicy');
  },
});
