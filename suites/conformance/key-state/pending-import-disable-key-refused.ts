/** DisableKey / EnableKey on a key already in the target state are no-ops; other states refuse DisableKey (§2.2 [3], [5]; code only). */
import { DisableKeyCommand } from '@aws-sdk/client-kms';
import { stateCase } from './_support.js';
import { documented } from '../_lib/sources.js';

export default stateCase({
  state: 'PendingImport',
  behaviour: 'disable-key-refused',
  title: 'DisableKey on a key pending import is refused with KMSInvalidStateException',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_DisableKey.html#API_DisableKey_Errors',
  source: documented('https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html (archived table: spec/aws-observed.md §2.2, KS-OLD [5]); no AWS capture: code only'),
  ops: [],
  async body(t, key) {
    await t.expectError(t.kms.send(new DisableKeyCommand({ KeyId: key.KeyId })), { code: 'KMSInvalidStateException', status: 400 });
  },
});
