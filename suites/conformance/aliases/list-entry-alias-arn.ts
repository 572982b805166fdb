/** What CreateAlias answers and what ListAliases then shows for the new alias (aws-observed.md §4.5, DG alias-manage). */

import { defineCase } from '../../../harness/conformance/case.js';
import { aliasArn, aliasEntry } from '../_lib/support.js';
import { givenAlias, givenKey } from '../_lib/prerequisites.js';

export default defineCase({
  id: 'aliases.list-entry-alias-arn',
  title: 'The AliasArn of an alias is arn:<partition>:kms:<region>:<account>:<alias name>',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_AliasListEntry.html#KMS-Type-AliasListEntry-AliasArn',
  source: {
    kind: 'documented',
    cite: 'service model: AliasListEntry.AliasArn; spec/aws-observed.md §4.5',
    verifiedAt: '2026-12-07',
  },
  tags: ['aliases'],
  ops: ['CreateKey', 'CreateAlias', 'ListAliases'],
  async run(t) {
    const key = await givenKey(t);
    const name = await givenAlias(t, key.KeyId);
    t.expectEqual((await aliasEntry(t, key.KeyId, name))?.AliasArn, aliasArn(t, name), 'AliasArn');
  },
});
