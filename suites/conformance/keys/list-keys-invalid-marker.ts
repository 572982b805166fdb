import { ListKeysCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { documented } from '../_lib/sources.js';

export default defineCase({
  id: 'keys.list-keys-invalid-marker',
  title: 'ListKeys refuses a Marker it never issued with InvalidMarkerException',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_ListKeys.html#API_ListKeys_Errors',
  source: documented('service model: ListKeys errors (InvalidMarkerException); message not recorded (spec/aws-observed.md §6.2)'),
  tags: ['semantics'],
  ops: ['ListKeys'],
  async run(t) {
    // MODEL: InvalidMarkerException; AWS's message is not recorded (aws-observed.md §6.2).
    await t.expectError(t.kms.send(new ListKeysCommand({ Marker: 'kmsbench-not-a-marker' })), { code: 'InvalidMarkerException', status: 400 });
  },
});
