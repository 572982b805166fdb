import { defineCase } from '../../../harness/conformance/case.js';
import { fullControlPolicy, parsed, policyOf } from './_support.js';
import { documented } from '../_lib/sources.js';

export default defineCase({
  id: 'policy.create-key-with-policy',
  title: 'A key created with a Policy has that policy (JSON-equal), not the default one',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateKey.html#KMS-CreateKey-request-Policy',
  source: documented('https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateKey.html#KMS-CreateKey-request-Policy'),
  tags: ['policy'],
  ops: ['CreateKey', 'GetKeyPolicy'],
  async run(t) {
    const policy = fullControlPolicy(t, 'Given at creation');
    const key = await t.createKey({ Policy: policy });
    t.expectEqual(parsed(t, await policyOf(t, key.KeyId), 'the returned policy'), JSON.parse(policy), 'policy of the new key');
  },
});
