/** ListAliases: the KeyId filter, pagination, and the predefined AWS aliases (aws-observed.md §4.5). */
import { CreateAliasCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { aliasesOf, settle, unthrottled } from '../_lib/support.js';

export default defineCase({
  id: 'aliases.list-aliases-key-id-filter',
  title: "ListAliases with KeyId lists exactly that key's aliases, not another key's",
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_ListAliases.html#KMS-ListAliases-request-KeyId',
  source: {
    kind: 'recorded',
    cite: 'spec/aws-observed.md §4.5 (LS-TEST test_list_aliases_of_key)',
    verifiedAt: '2026-12-07',
  },
  tags: ['aliases'],
  ops: ['CreateKey', 'CreateAlias', 'ListAliases'],
  async run(t) {
    const [a, b] = await Promise.all([t.createKey(), t.createKey()]);
    const [a1, a2, b1] = [t.aliasName('a1'), t.aliasName('a2'), t.aliasName('b1')];
    await unthrottled(() => t.kms.send(new CreateAliasCommand({ AliasName: a1, TargetKeyId: a.KeyId })));
    await unthrottled(() => t.kms.send(new CreateAliasCommand({ AliasName: a2, TargetKeyId: a.KeyId })));
    await unthrottled(() => t.kms.send(new CreateAliasCommand({ AliasName: b1, TargetKeyId: b.KeyId })));
    const listed = await settle(() => aliasesOf(t, a.KeyId), (all) => all.length >= 2);
    t.expectEqual(listed.map((x) => x.AliasName).sort(), [a1, a2].sort(), "aliases listed for key a");
    t.check(listed.every((x) => x.TargetKeyId === a.KeyId), 'every entry targets key a', listed);
  },
});
