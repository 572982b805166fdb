/** EnableKey: Disabled → Enabled; PendingDeletion [3] and PendingImport [5] are refused (§2.2; code only, S9). */
import { EnableKeyCommand } from '@aws-sdk/client-kms';
import { stateCase } from './_support.js';

export default stateCase({
  state: 'PendingDeletion',
  behaviour: 'enable-key-refused',
  title: 'EnableKey on a key pending deletion is refused with KMSInvalidStateException',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_EnableKey.html#API_EnableKey_Errors',
  source: {
    kind: 'documented',
    cite: 'https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html (archived table: spec/aws-observed.md §2.2, KS-OLD [3]); no AWS capture (spec/aws-observed.md §2.3 S9): code only',
    verifiedAt: '2026-12-07',
  },
  ops: ['EnableKey'],
  async body(t, key) {
    await t.expectError(t.kms.send(new EnableKeyCommand({ KeyId: key.KeyId })), { code: 'KMSInvalidStateException', status: 400 });
  },
});
