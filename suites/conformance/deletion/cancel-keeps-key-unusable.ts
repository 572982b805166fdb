import { CancelKeyDeletionCommand, EncryptCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { disabledError, putInState } from '../key-state/_support.js';
import { givenKey } from '../_lib/prerequisites.js';

/** The cancelled key is Disabled, so it cannot encrypt until EnableKey (DG; aws-observed.md S7 wording). */
export default defineCase({
  id: 'deletion.cancel-keeps-key-unusable',
  title: 'After CancelKeyDeletion, Encrypt is refused with DisabledException "<arn> is disabled."',
  doc: 'https://docs.aws.amazon.com/kms/latest/developerguide/deleting-keys-scheduling-key-deletion.html',
  source: {
    kind: 'recorded',
    cite: 'spec/aws-observed.md §3 L4 (Disabled after cancel); DisabledException wording: spec/aws-observed.md §2.3 S7',
    verifiedAt: '2026-12-07',
  },
  tags: ['deletion', 'key-state'],
  ops: ['CreateKey', 'ScheduleKeyDeletion', 'CancelKeyDeletion', 'Encrypt'],
  async run(t) {
    const key = await givenKey(t);
    await putInState(t, key, 'PendingDeletion');
    await t.kms.send(new CancelKeyDeletionCommand({ KeyId: key.KeyId }));
    await t.expectError(t.kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: t.bytes(8) })), disabledError(key.Arn));
  },
});
