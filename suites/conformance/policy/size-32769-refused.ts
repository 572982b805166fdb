import { PutKeyPolicyCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { givenPolicy, policyOf, SIZE_DOC } from './_support.js';
import { policyOfSize } from './_size.js';
import { givenKey } from '../_lib/prerequisites.js';

/**
 * One byte over 32 KB (developer guide, key policy format: at most 32 kilobytes, 32,768 bytes):
 * "If the key policy exceeds the length constraint, KMS returns a LimitExceededException" (MODEL
 * PutKeyPolicy Policy). The message is not recorded; the previous policy stays.
 */
export default defineCase({
  id: 'policy.size-32769-refused',
  title: 'PutKeyPolicy refuses a policy of 32,769 bytes with LimitExceededException and keeps the previous one',
  doc: SIZE_DOC,
  source: {
    kind: 'documented',
    cite: 'service model: PutKeyPolicyRequest.Policy ("If the key policy exceeds the length constraint, KMS returns a LimitExceededException"); size: https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-overview.html#key-policy-format',
    verifiedAt: '2026-12-07',
  },
  tags: ['policy', 'limits'],
  ops: ['CreateKey', 'PutKeyPolicy', 'GetKeyPolicy'],
  async run(t) {
    const key = await givenKey(t);
    const before = await givenPolicy(t, key.KeyId);
    await t.expectError(t.kms.send(new PutKeyPolicyCommand({ KeyId: key.KeyId, PolicyName: 'default', Policy: policyOfSize(t, 32_769) })), {
      code: 'LimitExceededException',
      status: 400,
    });
    t.expectEqual(await policyOf(t, key.KeyId), before, 'policy after the refused PutKeyPolicy');
  },
});
