import { defineCase } from '../../../harness/conformance/case.js';
import { givenKey } from '../_lib/prerequisites.js';
import { recorded } from '../_lib/sources.js';

/** aws-observed.md 4.3 (EX; LS-TEST test_get_put_list_key_policies): exactly {PolicyNames: ["default"], Truncated: false}. */
export default defineCase({
  id: 'policy.list-key-policies-shape',
  title: 'ListKeyPolicies answers exactly {PolicyNames: ["default"], Truncated: false}',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_ListKeyPolicies.html#API_ListKeyPolicies_ResponseSyntax',
  source: recorded('spec/aws-observed.md §4.3 (LS-TEST test_get_put_list_key_policies; EX ListKeyPolicies)'),
  tags: ['policy'],
  ops: ['CreateKey', 'ListKeyPolicies'],
  async run(t) {
    const key = await givenKey(t);
    const reply = await t.raw('ListKeyPolicies', { KeyId: key.KeyId });
    t.expectEqual(reply.status, 200, 'HTTP status');
    t.expectEqual(reply.json, { PolicyNames: ['default'], Truncated: false }, 'response body');
  },
});
