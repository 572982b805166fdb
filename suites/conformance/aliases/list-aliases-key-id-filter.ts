/** ListAliases: the KeyId filter, pagination, and the predefined AWS aliases (aws-observed.md §4.5). */

import { defineCase } from '../../../harness/conformance/case.js';
import { aliasesOf, settle } from '../_lib/support.js';
import { givenAlias, givenKey } from '../_lib/prerequisites.js';
import { recorded } from '../_lib/sources.js';

export default defineCase({
  id: 'aliases.list-aliases-key-id-filter',
  title: "ListAliases with KeyId lists exactly that key's aliases, not another key's",
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_ListAliases.html#KMS-ListAliases-request-KeyId',
  source: recorded('spec/aws-observed.md §4.5 (LS-TEST test_list_aliases_of_key)'),
  tags: ['aliases'],
  ops: ['CreateKey', 'CreateAlias', 'ListAliases'],
  async run(t) {
    const [a, b] = await Promise.all([givenKey(t), givenKey(t)]);
    const a1 = await givenAlias(t, a.KeyId, { name: t.aliasName('a1') });
    const a2 = await givenAlias(t, a.KeyId, { name: t.aliasName('a2') });
    await givenAlias(t, b.KeyId, { name: t.aliasName('b1') });
    const listed = await settle(() => aliasesOf(t, a.KeyId), (all) => all.length >= 2);
    t.expectEqual(listed.map((x) => x.AliasName).sort(), [a1, a2].sort(), "aliases listed for key a");
    t.check(listed.every((x) => x.TargetKeyId === a.KeyId), 'every entry targets key a', listed);
  },
});
