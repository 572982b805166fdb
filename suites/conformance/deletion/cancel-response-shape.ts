import { defineCase } from '../../../harness/conformance/case.js';
import { CANCEL_DOC } from './_support.js';
import { givenKey } from '../_lib/prerequisites.js';
import { putInState } from '../key-state/_support.js';
import { documented } from '../_lib/sources.js';

/** aws-observed.md 4.3 (DG CLI output): exactly {KeyId: <key ARN>}. */
export default defineCase({
  id: 'deletion.cancel-response-shape',
  title: 'CancelKeyDeletion answers exactly {KeyId} with the key ARN',
  doc: `${CANCEL_DOC}#API_CancelKeyDeletion_ResponseSyntax`,
  source: documented('https://docs.aws.amazon.com/kms/latest/developerguide/deleting-keys-scheduling-key-deletion.html (CLI output: KeyId is the key ARN; spec/aws-observed.md §4.3)'),
  tags: ['deletion'],
  ops: ['CreateKey', 'ScheduleKeyDeletion', 'CancelKeyDeletion'],
  async run(t) {
    const key = await givenKey(t);
    await putInState(t, key, 'PendingDeletion');
    const reply = await t.raw('CancelKeyDeletion', { KeyId: key.KeyId });
    t.expectEqual(reply.status, 200, 'HTTP status');
    t.expectEqual(reply.json, { KeyId: key.Arn }, 'response body');
  },
});
