/** UpdateAlias: moves an alias to another key of the same type (MODEL UpdateAlias; DG alias-manage). */
import { UpdateAliasCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { aliasEntry, unthrottled } from '../_lib/support.js';
import { givenAlias, givenKey } from '../_lib/prerequisites.js';
import { documented } from '../_lib/sources.js';

export default defineCase({
  id: 'aliases.update-alias-list-entry',
  title: 'After UpdateAlias the entry shows the new TargetKeyId, the same CreationDate, LastUpdatedDate >= it',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_AliasListEntry.html#KMS-Type-AliasListEntry-LastUpdatedDate',
  source: documented('developer guide alias-manage: UpdateAlias changes TargetKeyId and LastUpdatedDate, keeps CreationDate (spec/aws-observed.md §4.5); https://docs.aws.amazon.com/kms/latest/APIReference/API_AliasListEntry.html#KMS-Type-AliasListEntry-LastUpdatedDate'),
  tags: ['aliases'],
  ops: ['CreateKey', 'CreateAlias', 'UpdateAlias', 'ListAliases'],
  async run(t) {
    const [first, second] = await Promise.all([givenKey(t), givenKey(t)]);
    const name = await givenAlias(t, first.KeyId);
    const before = (await aliasEntry(t, first.KeyId, name)) ?? {};
    await unthrottled(() => t.kms.send(new UpdateAliasCommand({ AliasName: name, TargetKeyId: second.Arn })));
    const after = (await aliasEntry(t, second.KeyId, name)) ?? {};
    t.expectEqual(after.TargetKeyId, second.KeyId, 'TargetKeyId (bare key id)');
    t.expectEqual(after.CreationDate, before.CreationDate, 'CreationDate');
    t.check(Number(after.LastUpdatedDate) >= Number(before.LastUpdatedDate), 'LastUpdatedDate did not go back', [before.LastUpdatedDate, after.LastUpdatedDate]);
  },
});
