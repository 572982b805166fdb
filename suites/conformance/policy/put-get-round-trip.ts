import { PutKeyPolicyCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { fullControlPolicy, parsed, policyOf, PUT_DOC, root } from './_support.js';
import { givenKey } from '../_lib/prerequisites.js';

/** aws-observed.md 4.4: after PutKeyPolicy, GetKeyPolicy returns a JSON-equal policy (byte-exact: unknown). */
export default defineCase({
  id: 'policy.put-get-round-trip',
  title: 'GetKeyPolicy returns a policy JSON-equal to the one PutKeyPolicy attached',
  doc: PUT_DOC,
  source: {
    kind: 'recorded',
    cite: 'spec/aws-observed.md §4.4 (LS-TEST compares the policies after json.loads; byte-exact round trip unknown)',
    verifiedAt: '2026-12-07',
  },
  tags: ['policy'],
  ops: ['CreateKey', 'PutKeyPolicy', 'GetKeyPolicy'],
  async run(t) {
    const key = await givenKey(t);
    const policy = fullControlPolicy(t, 'Enable IAM User Permissions', [
      {
        Sid: 'Allow use with a context',
        Effect: 'Allow',
        Principal: { AWS: root(t) },
        Action: ['kms:Encrypt', 'kms:Decrypt'],
        Resource: '*',
        Condition: { StringEquals: { 'kms:EncryptionContext:purpose': 'conformance' } },
      },
    ]);
    await t.kms.send(new PutKeyPolicyCommand({ KeyId: key.KeyId, PolicyName: 'default', Policy: policy }));
    t.expectEqual(parsed(t, await policyOf(t, key.KeyId), 'the returned policy'), JSON.parse(policy), 'policy after PutKeyPolicy');
  },
});
