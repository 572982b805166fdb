import { ListKeyPoliciesCommand } from '@aws-sdk/client-kms';
import { stateCase } from './_support.js';
import { documented } from '../_lib/sources.js';

export default stateCase({
  state: 'PendingDeletion',
  behaviour: 'list-key-policies-allowed',
  title: 'ListKeyPolicies on a key pending deletion lists the default policy',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_ListKeyPolicies.html',
  source: documented('https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html (archived table: spec/aws-observed.md §2.2, KS-OLD) (ListKeyPolicies ✓ in every state)'),
  tags: ['key-state', 'policy'],
  ops: ['ListKeyPolicies'],
  async body(t, key) {
    const out = await t.kms.send(new ListKeyPoliciesCommand({ KeyId: key.KeyId }));
    t.expectEqual(out.PolicyNames, ['default'], 'PolicyNames');
  },
});
