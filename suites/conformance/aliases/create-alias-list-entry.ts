/** What CreateAlias answers and what ListAliases then shows for the new alias (aws-observed.md §4.5, DG alias-manage). */
import { CreateAliasCommand } from '@aws-sdk/client-kms';
import { defineCase, type ConformanceCase } from '../../../harness/conformance/case.js';
import { aliasArn, aliasEntry, members, unthrottled } from '../_lib/support.js';

const LIST_DOC = 'https://docs.aws.amazon.com/kms/latest/APIReference/API_AliasListEntry.html';

const cases: ConformanceCase[] = [
  defineCase({
    id: 'aliases.create-alias-empty-result',
    title: 'CreateAlias answers an empty result',
    doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateAlias.html#API_CreateAlias_ResponseElements',
    tags: ['aliases'],
    ops: ['CreateKey', 'CreateAlias'],
    async run(t) {
      const key = await t.createKey();
      const out = await unthrottled(() => t.kms.send(new CreateAliasCommand({ AliasName: t.aliasName(), TargetKeyId: key.KeyId })));
      t.expectEqual(members(out), [], 'CreateAlias output members');
    },
  }),
  defineCase({
    id: 'aliases.list-entry-members',
    title: 'A customer alias is listed as exactly {AliasArn, AliasName, CreationDate, LastUpdatedDate, TargetKeyId}',
    doc: `${LIST_DOC}#API_AliasListEntry_Contents`,
    tags: ['aliases'],
    ops: ['CreateKey', 'CreateAlias', 'ListAliases'],
    async run(t) {
      const key = await t.createKey();
      const name = t.aliasName();
      await unthrottled(() => t.kms.send(new CreateAliasCommand({ AliasName: name, TargetKeyId: key.KeyId })));
      const entry = await aliasEntry(t, key.KeyId, name);
      t.check(entry !== undefined, 'ListAliases lists the new alias');
      t.expectEqual(members(entry), ['AliasArn', 'AliasName', 'CreationDate', 'LastUpdatedDate', 'TargetKeyId'], 'entry members');
    },
  }),
  defineCase({
    id: 'aliases.list-entry-alias-arn',
    title: 'The AliasArn of an alias is arn:<partition>:kms:<region>:<account>:<alias name>',
    doc: `${LIST_DOC}#KMS-Type-AliasListEntry-AliasArn`,
    tags: ['aliases'],
    ops: ['CreateKey', 'CreateAlias', 'ListAliases'],
    async run(t) {
      const key = await t.createKey();
      const name = t.aliasName();
      await unthrottled(() => t.kms.send(new CreateAliasCommand({ AliasName: name, TargetKeyId: key.KeyId })));
      t.expectEqual((await aliasEntry(t, key.KeyId, name))?.AliasArn, aliasArn(t, name), 'AliasArn');
    },
  }),
  defineCase({
    id: 'aliases.list-entry-target-is-key-id',
    title: 'An alias created with the key ARN as TargetKeyId is listed with the bare key id as TargetKeyId',
    doc: `${LIST_DOC}#KMS-Type-AliasListEntry-TargetKeyId`,
    tags: ['aliases'],
    ops: ['CreateKey', 'CreateAlias', 'ListAliases'],
    async run(t) {
      const key = await t.createKey();
      const name = t.aliasName();
      await unthrottled(() => t.kms.send(new CreateAliasCommand({ AliasName: name, TargetKeyId: key.Arn })));
      t.expectEqual((await aliasEntry(t, key.KeyId, name))?.TargetKeyId, key.KeyId, 'TargetKeyId');
    },
  }),
  defineCase({
    id: 'aliases.list-entry-dates',
    title: 'A new alias is listed with CreationDate and LastUpdatedDate as equal epoch-second numbers',
    doc: `${LIST_DOC}#KMS-Type-AliasListEntry-LastUpdatedDate`,
    tags: ['aliases'],
    ops: ['CreateKey', 'CreateAlias', 'ListAliases'],
    async run(t) {
      const key = await t.createKey();
      const name = t.aliasName();
      await unthrottled(() => t.kms.send(new CreateAliasCommand({ AliasName: name, TargetKeyId: key.KeyId })));
      const entry = (await aliasEntry(t, key.KeyId, name)) ?? {};
      for (const m of ['CreationDate', 'LastUpdatedDate']) {
        const v = entry[m];
        t.check(typeof v === 'number' && v > 1_400_000_000 && v < 10_000_000_000, `${m} is epoch seconds on the wire`, v);
      }
      t.expectEqual(entry.LastUpdatedDate, entry.CreationDate, 'LastUpdatedDate of a never-updated alias');
    },
  }),
];

export default cases;
