import { defineCase } from '../../../harness/conformance/case.js';
import { SCHEDULE_DOC } from './_support.js';
import { givenKey } from '../_lib/prerequisites.js';
import { documented } from '../_lib/sources.js';

/** aws-observed.md 4.3 (DG CLI output): {KeyId: <key ARN>, DeletionDate, KeyState, PendingWindowInDays}. */
export default defineCase({
  id: 'deletion.schedule-response-shape',
  title: 'ScheduleKeyDeletion answers exactly KeyId (the key ARN), DeletionDate, KeyState and PendingWindowInDays',
  doc: `${SCHEDULE_DOC}#API_ScheduleKeyDeletion_ResponseSyntax`,
  source: documented('https://docs.aws.amazon.com/kms/latest/developerguide/deleting-keys-scheduling-key-deletion.html (CLI output: KeyId ARN, DeletionDate, KeyState, PendingWindowInDays; spec/aws-observed.md §4.3)'),
  tags: ['deletion'],
  ops: ['CreateKey', 'ScheduleKeyDeletion'],
  async run(t) {
    const key = await givenKey(t);
    const reply = await t.raw('ScheduleKeyDeletion', { KeyId: key.KeyId, PendingWindowInDays: 10 });
    t.expectEqual(reply.status, 200, 'HTTP status');
    const body = (reply.json ?? {}) as Record<string, unknown>;
    t.expectEqual(Object.keys(body).sort(), ['DeletionDate', 'KeyId', 'KeyState', 'PendingWindowInDays'], 'response members');
    t.expectEqual(body.KeyId, key.Arn, 'KeyId (the key ARN, although the request named the key id)');
    t.expectEqual([body.KeyState, body.PendingWindowInDays], ['PendingDeletion', 10], '[KeyState, PendingWindowInDays]');
    t.check(typeof body.DeletionDate === 'number', 'DeletionDate is epoch seconds (a JSON number)', body.DeletionDate);
  },
});
