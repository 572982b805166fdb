/** ScheduleKeyDeletion KeyId takes the key ID or the key ARN (MODEL ScheduleKeyDeletion KeyId). */
import { ScheduleKeyDeletionCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { SCHEDULE_DOC, describe } from './_support.js';
import { givenKey } from '../_lib/prerequisites.js';
import { documented } from '../_lib/sources.js';

export default defineCase({
  id: 'deletion.schedule-by-key-arn',
  title: 'ScheduleKeyDeletion accepts the key ARN as KeyId: the reply names the key ARN and the key is PendingDeletion',
  doc: `${SCHEDULE_DOC}#KMS-ScheduleKeyDeletion-request-KeyId`,
  source: documented('service model: ScheduleKeyDeletionRequest KeyId ("Specify the key ID or key ARN of the KMS key"); ScheduleKeyDeletionResponse KeyId is the key ARN'),
  tags: ['deletion'],
  ops: ['CreateKey', 'ScheduleKeyDeletion', 'DescribeKey'],
  async run(t) {
    const key = await givenKey(t);
    const out = await t.kms.send(new ScheduleKeyDeletionCommand({ KeyId: key.Arn, PendingWindowInDays: 7 }));
    t.expectEqual([out.KeyId, out.KeyState], [key.Arn, 'PendingDeletion'], '[KeyId, KeyState] of the reply');
    t.expectEqual((await describe(t, key.KeyId)).KeyState, 'PendingDeletion', 'KeyState after scheduling by ARN');
  },
});
