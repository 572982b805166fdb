/** ListAliases: the KeyId filter, pagination, and the predefined AWS aliases (aws-observed.md §4.5). */
import { ListAliasesCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { documented } from '../_lib/sources.js';

export default defineCase({
  id: 'aliases.list-aliases-invalid-marker',
  title: 'ListAliases refuses a Marker it never issued with InvalidMarkerException',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_ListAliases.html#API_ListAliases_Errors',
  source: documented('service model: ListAliases errors (InvalidMarkerException); message not recorded (spec/aws-observed.md §6.2)'),
  tags: ['aliases'],
  ops: ['ListAliases'],
  async run(t) {
    await t.expectError(t.kms.send(new ListAliasesCommand({ Marker: 'kmsbench-not-a-marker' })), { code: 'InvalidMarkerException', status: 400 });
  },
});
