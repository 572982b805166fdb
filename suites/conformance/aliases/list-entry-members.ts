/** What CreateAlias answers and what ListAliases then shows for the new alias (aws-observed.md §4.5, DG alias-manage). */

import { defineCase } from '../../../harness/conformance/case.js';
import { aliasEntry, members } from '../_lib/support.js';
import { givenAlias, givenKey } from '../_lib/prerequisites.js';

export default defineCase({
  id: 'aliases.list-entry-members',
  title: 'A customer alias is listed as exactly {AliasArn, AliasName, CreationDate, LastUpdatedDate, TargetKeyId}',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_AliasListEntry.html#API_AliasListEntry_Contents',
  source: {
    kind: 'documented',
    cite: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_AliasListEntry.html#API_AliasListEntry_Contents; developer guide alias-manage CLI output (spec/aws-observed.md §4.5)',
    verifiedAt: '2026-12-07',
  },
  tags: ['aliases'],
  ops: ['CreateKey', 'CreateAlias', 'ListAliases'],
  async run(t) {
    const key = await givenKey(t);
    const name = await givenAlias(t, key.KeyId);
    const entry = await aliasEntry(t, key.KeyId, name);
    t.check(entry !== undefined, 'ListAliases lists the new alias');
    t.expectEqual(members(entry), ['AliasArn', 'AliasName', 'CreationDate', 'LastUpdatedDate', 'TargetKeyId'], 'entry members');
  },
});
