/** CancelKeyDeletion KeyId takes the key ID or the key ARN (MODEL CancelKeyDeletion KeyId). */
import { CancelKeyDeletionCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { CANCEL_DOC, describe } from './_support.js';
import { givenKey } from '../_lib/prerequisites.js';
import { putInState } from '../key-state/_support.js';

export default defineCase({
  id: 'deletion.cancel-by-key-arn',
  title: 'CancelKeyDeletion accepts the key ARN as KeyId: the reply names the key ARN and the key is Disabled again',
  doc: `${CANCEL_DOC}#KMS-CancelKeyDeletion-request-KeyId`,
  source: {
    kind: 'documented',
    cite: 'service model: CancelKeyDeletionRequest KeyId ("Specify the key ID or key ARN of the KMS key"); CancelKeyDeletionResponse KeyId is the key ARN; developer guide deleting-keys: a cancelled key is Disabled',
    verifiedAt: '2026-12-07',
  },
  tags: ['deletion'],
  ops: ['CreateKey', 'ScheduleKeyDeletion', 'CancelKeyDeletion', 'DescribeKey'],
  async run(t) {
    const key = await givenKey(t);
    await putInState(t, key, 'PendingDeletion');
    const out = await t.kms.send(new CancelKeyDeletionCommand({ KeyId: key.Arn }));
    t.expectEqual(out.KeyId, key.Arn, 'KeyId of the reply');
    t.expectEqual((await describe(t, key.KeyId)).KeyState, 'Disabled', 'KeyState after cancelling by ARN');
  },
});
