/** What CreateAlias answers and what ListAliases then shows for the new alias (aws-observed.md §4.5, DG alias-manage). */

import { defineCase } from '../../../harness/conformance/case.js';
import { aliasEntry } from '../_lib/support.js';
import { givenAlias, givenKey } from '../_lib/prerequisites.js';

export default defineCase({
  id: 'aliases.list-entry-target-is-key-id',
  title: 'An alias created with the key ARN as TargetKeyId is listed with the bare key id as TargetKeyId',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_AliasListEntry.html#KMS-Type-AliasListEntry-TargetKeyId',
  source: {
    kind: 'documented',
    cite: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_AliasListEntry.html#KMS-Type-AliasListEntry-TargetKeyId; developer guide alias-manage (spec/aws-observed.md §4.5)',
    verifiedAt: '2026-12-07',
  },
  tags: ['aliases'],
  ops: ['CreateKey', 'CreateAlias', 'ListAliases'],
  async run(t) {
    const key = await givenKey(t);
    const name = await givenAlias(t, key.Arn);
    t.expectEqual((await aliasEntry(t, key.KeyId, name))?.TargetKeyId, key.KeyId, 'TargetKeyId');
  },
});
