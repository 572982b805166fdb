/** CancelKeyDeletion KeyId takes the key ID or the key ARN (MODEL CancelKeyDeletion KeyId). */
import { CANCEL_DOC, describe } from './_support.js';
import { cancelCase } from './_cancel.js';
import { documented } from '../_lib/sources.js';

export default cancelCase({
  behaviour: 'by-key-arn',
  title: 'CancelKeyDeletion accepts the key ARN as KeyId: the reply names the key ARN and the key is Disabled again',
  doc: `${CANCEL_DOC}#KMS-CancelKeyDeletion-request-KeyId`,
  source: documented('service model: CancelKeyDeletionRequest KeyId ("Specify the key ID or key ARN of the KMS key"); CancelKeyDeletionResponse KeyId is the key ARN; developer guide deleting-keys: a cancelled key is Disabled'),
  tags: ['deletion'],
  ops: ['CreateKey', 'ScheduleKeyDeletion', 'CancelKeyDeletion', 'DescribeKey'],
  byArn: true,
  async after(t, key, out) {
    t.expectEqual(out.KeyId, key.Arn, 'KeyId of the reply');
    t.expectEqual((await describe(t, key.KeyId)).KeyState, 'Disabled', 'KeyState after cancelling by ARN');
  },
});
