import { PutKeyPolicyCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { refusal } from '../key-state/_support.js';
import { policyOf, SIZE_DOC } from './_support.js';
import { policyOfSize } from './_size.js';

/**
 * One byte over 32 KB: "operations that use the key policy document to set or change the key
 * policy fail" (DG quotas). The code is not recorded for AWS (aws-observed.md 6.4:
 * LimitExceededException or MalformedPolicyDocumentException); either passes, and nothing changes.
 */
export default defineCase({
  id: 'policy.size-32769-refused',
  title: 'PutKeyPolicy refuses a policy of 32,769 bytes and keeps the previous one',
  doc: SIZE_DOC,
  source: {
    kind: 'documented',
    cite: 'service model: PutKeyPolicyRequest.Policy ("If the key policy exceeds the length constraint, KMS returns a LimitExceededException"); size: https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-overview.html#key-policy-format',
    verifiedAt: '2026-12-07',
  },
  tags: ['policy', 'limits'],
  ops: ['CreateKey', 'PutKeyPolicy', 'GetKeyPolicy'],
  async run(t) {
    const key = await t.createKey();
    const before = await policyOf(t, key.KeyId);
    const r = await refusal(t, t.kms.send(new PutKeyPolicyCommand({ KeyId: key.KeyId, PolicyName: 'default', Policy: policyOfSize(t, 32_769) })), 'PutKeyPolicy of 32,769 bytes');
    t.check(['LimitExceededException', 'MalformedPolicyDocumentException'].includes(r.code), 'refused with LimitExceededException or MalformedPolicyDocumentException', r);
    t.expectEqual(r.status, 400, 'HTTP status of the refusal');
    t.expectEqual(await policyOf(t, key.KeyId), before, 'policy after the refused PutKeyPolicy');
  },
});
