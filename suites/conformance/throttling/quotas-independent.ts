import { DescribeKeyCommand, GetKeyPolicyCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { listKeyPoliciesBurst } from './_burst.js';
import { givenKey } from '../_lib/prerequisites.js';
import { documented } from '../_lib/sources.js';

export default defineCase({
  id: 'throttling.quotas-independent',
  title: 'Exhausting one operation\'s quota does not throttle another operation with its own quota',
  doc: 'https://docs.aws.amazon.com/kms/latest/developerguide/requests-per-second.html',
  source: documented('https://docs.aws.amazon.com/kms/latest/developerguide/requests-per-second.html (DescribeKey and GetKeyPolicy have request quotas of their own)'),
  tags: ['throttling'],
  ops: ['CreateKey', 'ListKeyPolicies', 'DescribeKey', 'GetKeyPolicy'],
  needs: ['low-quota'],
  flags: ['destructive'],
  async run(t) {
    const key = await givenKey(t);
    await t.given(
      'a burst of ListKeyPolicies calls overflows its quota',
      async () => {
        const replies = await listKeyPoliciesBurst(t, key.KeyId);
        t.check(replies.some((r) => r.errorCode === 'ThrottlingException'), 'the ListKeyPolicies burst is throttled');
      },
      { coveredBy: 'throttling.control-plane-burst' },
    );
    // DescribeKey (2,000/s) and GetKeyPolicy (1,000/s) have quotas of their own.
    const describe = await t.kms.send(new DescribeKeyCommand({ KeyId: key.KeyId }));
    t.expectEqual(describe.KeyMetadata?.KeyId, key.KeyId, 'DescribeKey right after the burst');
    const policy = await t.kms.send(new GetKeyPolicyCommand({ KeyId: key.KeyId, PolicyName: 'default' }));
    t.check(typeof policy.Policy === 'string', 'GetKeyPolicy right after the burst');
  },
});
