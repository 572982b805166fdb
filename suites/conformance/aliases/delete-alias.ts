import { CreateAliasCommand, DeleteAliasCommand, DescribeKeyCommand, ScheduleKeyDeletionCommand } from '@aws-sdk/client-kms';
import { defineCase, type ConformanceCase } from '../../../harness/conformance/case.js';
import { aliasesOf, members, resolveAlias, settle, unthrottled } from '../_lib/support.js';

const DOC = 'https://docs.aws.amazon.com/kms/latest/APIReference/API_DeleteAlias.html';

const cases: ConformanceCase[] = [
  defineCase({
    id: 'aliases.delete-alias-removes-it',
    title: 'DeleteAlias answers an empty result; the alias then no longer resolves (NotFoundException) nor is listed',
    doc: `${DOC}#API_DeleteAlias_ResponseElements`,
    tags: ['aliases'],
    ops: ['CreateKey', 'CreateAlias', 'DeleteAlias', 'DescribeKey', 'ListAliases'],
    async run(t) {
      const key = await t.createKey();
      const name = t.aliasName();
      await unthrottled(() => t.kms.send(new CreateAliasCommand({ AliasName: name, TargetKeyId: key.KeyId })));
      await resolveAlias(t, name, key.KeyId);
      const out = await unthrottled(() => t.kms.send(new DeleteAliasCommand({ AliasName: name })));
      t.expectEqual(members(out), [], 'DeleteAlias output members');
      const gone = await settle(
        () => t.kms.send(new DescribeKeyCommand({ KeyId: name })).then(() => undefined, (e: unknown) => e as { name?: string }),
        (e) => e?.name === 'NotFoundException',
      );
      t.expectEqual(gone?.name, 'NotFoundException', 'DescribeKey through the deleted alias');
      t.expectEqual((await aliasesOf(t, key.KeyId)).map((a) => a.AliasName), [], "the key's aliases");
    },
  }),
  defineCase({
    id: 'aliases.delete-alias-keeps-key',
    title: 'DeleteAlias leaves the key it named enabled and usable',
    doc: `${DOC}#API_DeleteAlias_RequestParameters`,
    tags: ['aliases'],
    ops: ['CreateKey', 'CreateAlias', 'DeleteAlias', 'DescribeKey'],
    async run(t) {
      const key = await t.createKey();
      const name = t.aliasName();
      await unthrottled(() => t.kms.send(new CreateAliasCommand({ AliasName: name, TargetKeyId: key.KeyId })));
      await unthrottled(() => t.kms.send(new DeleteAliasCommand({ AliasName: name })));
      const m = (await t.kms.send(new DescribeKeyCommand({ KeyId: key.KeyId }))).KeyMetadata;
      t.expectEqual([m?.KeyState, m?.Enabled], ['Enabled', true], 'KeyState and Enabled');
    },
  }),
  defineCase({
    id: 'aliases.delete-alias-unknown',
    title: 'DeleteAlias of an alias that does not exist is refused with NotFoundException',
    doc: `${DOC}#API_DeleteAlias_Errors`,
    tags: ['aliases'],
    ops: ['DeleteAlias'],
    async run(t) {
      // N13: AWS's message is not recorded; code only.
      await t.expectError(unthrottled(() => t.kms.send(new DeleteAliasCommand({ AliasName: t.aliasName('never-created') }))), { code: 'NotFoundException', status: 400 });
    },
  }),
  defineCase({
    id: 'aliases.delete-alias-of-pending-deletion-key',
    title: 'DeleteAlias works on an alias whose key is pending deletion (KS-OLD: DeleteAlias ✓ in every state)',
    doc: `${DOC}#API_DeleteAlias_RequestParameters`,
    tags: ['aliases', 'key-state'],
    ops: ['CreateKey', 'CreateAlias', 'ScheduleKeyDeletion', 'DeleteAlias', 'ListAliases'],
    async run(t) {
      const key = await t.createKey();
      const name = t.aliasName();
      await unthrottled(() => t.kms.send(new CreateAliasCommand({ AliasName: name, TargetKeyId: key.KeyId })));
      await unthrottled(() => t.kms.send(new ScheduleKeyDeletionCommand({ KeyId: key.KeyId, PendingWindowInDays: 7 })));
      await unthrottled(() => t.kms.send(new DeleteAliasCommand({ AliasName: name })));
      const left = await settle(() => aliasesOf(t, key.KeyId), (all) => all.length === 0);
      t.expectEqual(left.map((a) => a.AliasName), [], "the key's aliases");
    },
  }),
];

export default cases;
