/** ListAliases: the KeyId filter, pagination, and the predefined AWS aliases (aws-observed.md §4.5). */
import { ListAliasesCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { absentKeyId } from '../_lib/support.js';
import { documented } from '../_lib/sources.js';

export default defineCase({
  id: 'aliases.list-aliases-absent-key',
  title: 'ListAliases with a KeyId that names no key is refused with NotFoundException',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_ListAliases.html#API_ListAliases_Errors',
  source: documented('service model: ListAliases errors (NotFoundException)'),
  tags: ['aliases'],
  ops: ['ListAliases'],
  async run(t) {
    await t.expectError(t.kms.send(new ListAliasesCommand({ KeyId: absentKeyId() })), { code: 'NotFoundException', status: 400 });
  },
});
