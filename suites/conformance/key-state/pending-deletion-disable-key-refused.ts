/** DisableKey / EnableKey on a key already in the target state are no-ops; other states refuse DisableKey (§2.2 [3], [5]; code only). */
import { DescribeKeyCommand, DisableKeyCommand } from '@aws-sdk/client-kms';
import { stateCase } from './_support.js';
import { documented } from '../_lib/sources.js';

export default stateCase({
  state: 'PendingDeletion',
  behaviour: 'disable-key-refused',
  title: 'DisableKey on a key pending deletion is refused with KMSInvalidStateException and the key stays PendingDeletion',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_DisableKey.html#API_DisableKey_Errors',
  source: documented('https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html (archived table: spec/aws-observed.md §2.2, KS-OLD [3]); no AWS capture (spec/aws-observed.md §2.3 S9): code only'),
  ops: ['DescribeKey'],
  async body(t, key) {
    await t.expectError(t.kms.send(new DisableKeyCommand({ KeyId: key.KeyId })), { code: 'KMSInvalidStateException', status: 400 });
    const m = (await t.kms.send(new DescribeKeyCommand({ KeyId: key.KeyId }))).KeyMetadata!;
    t.expectEqual(m.KeyState, 'PendingDeletion', 'KeyState after the refused DisableKey');
  },
});
