/** What CreateAlias answers and what ListAliases then shows for the new alias (aws-observed.md §4.5, DG alias-manage). */

import { defineCase } from '../../../harness/conformance/case.js';
import { aliasEntry } from '../_lib/support.js';
import { givenAlias, givenKey } from '../_lib/prerequisites.js';

export default defineCase({
  id: 'aliases.list-entry-dates',
  title: 'A new alias is listed with CreationDate and LastUpdatedDate as equal epoch-second numbers',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_AliasListEntry.html#KMS-Type-AliasListEntry-LastUpdatedDate',
  source: {
    kind: 'documented',
    cite: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_AliasListEntry.html#KMS-Type-AliasListEntry-LastUpdatedDate; developer guide CLI output with equal dates (spec/aws-observed.md §4.5)',
    verifiedAt: '2026-12-07',
  },
  tags: ['aliases'],
  ops: ['CreateKey', 'CreateAlias', 'ListAliases'],
  async run(t) {
    const key = await givenKey(t);
    const name = await givenAlias(t, key.KeyId);
    const entry = (await aliasEntry(t, key.KeyId, name)) ?? {};
    for (const m of ['CreationDate', 'LastUpdatedDate']) {
      const v = entry[m];
      t.check(typeof v === 'number' && v > 1_400_000_000 && v < 10_000_000_000, `${m} is epoch seconds on the wire`, v);
    }
    t.expectEqual(entry.LastUpdatedDate, entry.CreationDate, 'LastUpdatedDate of a never-updated alias');
  },
});
