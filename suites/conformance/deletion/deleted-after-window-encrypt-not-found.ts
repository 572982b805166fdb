import { EncryptCommand } from '@aws-sdk/client-kms';
import { HOW_IT_WORKS_DOC } from './_support.js';
import { deletionDateCase } from './_deletion-date.js';

export default deletionDateCase({
  behaviour: 'deleted-after-window-encrypt-not-found',
  title: 'Once the clock passes DeletionDate, Encrypt under the key answers NotFoundException',
  doc: HOW_IT_WORKS_DOC,
  source: {
    kind: 'inferred',
    cite: 'a deleted key no longer exists, so it is answered like an absent key (spec/aws-observed.md §1 N1); no capture of a deleted key',
    verifiedAt: '2026-12-07',
  },
  ops: ['CreateKey', 'ScheduleKeyDeletion', 'Encrypt'],
  async after(t, key) {
    await t.expectError(t.kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: t.bytes(8) })), { code: 'NotFoundException', status: 400 });
  },
});
