/** ListAliases: the KeyId filter, pagination, and the predefined AWS aliases (aws-observed.md §4.5). */
import { ListAliasesCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { documented } from '../_lib/sources.js';

export default defineCase({
  id: 'aliases.list-aliases-marker-continues',
  title: 'ListAliases with the NextMarker of a page continues after it, without repeating its aliases',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_ListAliases.html#KMS-ListAliases-request-Marker',
  source: documented('service model: ListAliasesRequest.Marker'),
  tags: ['aliases'],
  ops: ['ListAliases'],
  async run(t) {
    const first = await t.kms.send(new ListAliasesCommand({ Limit: 3 }));
    t.check(first.Truncated === true && typeof first.NextMarker === 'string', 'the first page of 3 is truncated', first);
    const second = await t.kms.send(new ListAliasesCommand({ Limit: 3, Marker: first.NextMarker }));
    const seen = new Set((first.Aliases ?? []).map((a) => a.AliasName));
    t.check((second.Aliases ?? []).length > 0, 'the page after the marker has aliases', second);
    for (const a of second.Aliases ?? []) t.check(!seen.has(a.AliasName), 'an alias of the second page is not on the first', a.AliasName);
  },
});
