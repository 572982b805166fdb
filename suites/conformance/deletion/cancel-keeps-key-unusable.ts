import { EncryptCommand } from '@aws-sdk/client-kms';
import { disabledError } from '../key-state/_support.js';
import { cancelCase } from './_cancel.js';
import { recorded } from '../_lib/sources.js';

/** The cancelled key is Disabled, so it cannot encrypt until EnableKey (DG; aws-observed.md S7 wording). */
export default cancelCase({
  behaviour: 'keeps-key-unusable',
  title: 'After CancelKeyDeletion, Encrypt is refused with DisabledException "<arn> is disabled."',
  doc: 'https://docs.aws.amazon.com/kms/latest/developerguide/deleting-keys-scheduling-key-deletion.html',
  source: recorded('spec/aws-observed.md §3 L4 (Disabled after cancel); DisabledException wording: spec/aws-observed.md §2.3 S7'),
  tags: ['deletion', 'key-state'],
  ops: ['CreateKey', 'ScheduleKeyDeletion', 'CancelKeyDeletion', 'Encrypt'],
  async after(t, key) {
    await t.expectError(t.kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: t.bytes(8) })), disabledError(key.Arn));
  },
});
