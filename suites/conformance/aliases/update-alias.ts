/** UpdateAlias: moves an alias to another key of the same type (MODEL UpdateAlias; DG alias-manage). */
import { CreateAliasCommand, EncryptCommand, ScheduleKeyDeletionCommand, UpdateAliasCommand } from '@aws-sdk/client-kms';
import { defineCase, type ConformanceCase } from '../../../harness/conformance/case.js';
import { aliasEntry, members, refused, resolveAlias, unthrottled } from '../_lib/support.js';

const DOC = 'https://docs.aws.amazon.com/kms/latest/APIReference/API_UpdateAlias.html';

const cases: ConformanceCase[] = [
  defineCase({
    id: 'aliases.update-alias-retargets',
    title: 'UpdateAlias answers an empty result; the alias then names the new key, for DescribeKey and Encrypt',
    doc: `${DOC}#KMS-UpdateAlias-request-TargetKeyId`,
    tags: ['aliases'],
    ops: ['CreateKey', 'CreateAlias', 'UpdateAlias', 'DescribeKey', 'Encrypt'],
    async run(t) {
      const [first, second] = await Promise.all([t.createKey(), t.createKey()]);
      const name = t.aliasName();
      await unthrottled(() => t.kms.send(new CreateAliasCommand({ AliasName: name, TargetKeyId: first.KeyId })));
      await resolveAlias(t, name, first.KeyId);
      const out = await unthrottled(() => t.kms.send(new UpdateAliasCommand({ AliasName: name, TargetKeyId: second.KeyId })));
      t.expectEqual(members(out), [], 'UpdateAlias output members');
      t.expectEqual(await resolveAlias(t, name, second.KeyId), second.KeyId, 'the key the alias names');
      t.expectEqual((await t.kms.send(new EncryptCommand({ KeyId: name, Plaintext: t.bytes(4) }))).KeyId, second.Arn, 'Encrypt KeyId through the alias');
    },
  }),
  defineCase({
    id: 'aliases.update-alias-list-entry',
    title: 'After UpdateAlias the entry shows the new TargetKeyId, the same CreationDate, LastUpdatedDate >= it',
    doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_AliasListEntry.html#KMS-Type-AliasListEntry-LastUpdatedDate',
    tags: ['aliases'],
    ops: ['CreateKey', 'CreateAlias', 'UpdateAlias', 'ListAliases'],
    async run(t) {
      const [first, second] = await Promise.all([t.createKey(), t.createKey()]);
      const name = t.aliasName();
      await unthrottled(() => t.kms.send(new CreateAliasCommand({ AliasName: name, TargetKeyId: first.KeyId })));
      const before = (await aliasEntry(t, first.KeyId, name)) ?? {};
      await unthrottled(() => t.kms.send(new UpdateAliasCommand({ AliasName: name, TargetKeyId: second.Arn })));
      const after = (await aliasEntry(t, second.KeyId, name)) ?? {};
      t.expectEqual(after.TargetKeyId, second.KeyId, 'TargetKeyId (bare key id)');
      t.expectEqual(after.CreationDate, before.CreationDate, 'CreationDate');
      t.check(Number(after.LastUpdatedDate) >= Number(before.LastUpdatedDate), 'LastUpdatedDate did not go back', [before.LastUpdatedDate, after.LastUpdatedDate]);
    },
  }),
  defineCase({
    id: 'aliases.update-alias-unknown-alias',
    title: 'UpdateAlias of an alias that does not exist is refused with NotFoundException',
    doc: `${DOC}#API_UpdateAlias_Errors`,
    tags: ['aliases'],
    ops: ['CreateKey', 'UpdateAlias'],
    async run(t) {
      const key = await t.createKey();
      await t.expectError(unthrottled(() => t.kms.send(new UpdateAliasCommand({ AliasName: t.aliasName('never-created'), TargetKeyId: key.KeyId }))), {
        code: 'NotFoundException',
        status: 400,
      });
    },
  }),
  defineCase({
    id: 'aliases.update-alias-target-pending-deletion',
    title: 'UpdateAlias to a key pending deletion is refused with KMSInvalidStateException; the alias stays put (A6)',
    doc: `${DOC}#API_UpdateAlias_Errors`,
    tags: ['aliases', 'key-state'],
    ops: ['CreateKey', 'CreateAlias', 'ScheduleKeyDeletion', 'UpdateAlias', 'DescribeKey'],
    async run(t) {
      // KS-OLD [10]: "<CMK ARN> is pending deletion." (documentation, no AWS capture): code only.
      const [current, doomed] = await Promise.all([t.createKey(), t.createKey()]);
      const name = t.aliasName();
      await unthrottled(() => t.kms.send(new CreateAliasCommand({ AliasName: name, TargetKeyId: current.KeyId })));
      await unthrottled(() => t.kms.send(new ScheduleKeyDeletionCommand({ KeyId: doomed.KeyId, PendingWindowInDays: 7 })));
      await t.expectError(unthrottled(() => t.kms.send(new UpdateAliasCommand({ AliasName: name, TargetKeyId: doomed.KeyId }))), {
        code: 'KMSInvalidStateException',
        status: 400,
      });
      t.expectEqual(await resolveAlias(t, name, current.KeyId), current.KeyId, 'the key the alias names');
    },
  }),
  defineCase({
    id: 'aliases.update-alias-from-pending-deletion-key',
    title: 'UpdateAlias moves an alias away from a key pending deletion (KS-OLD [10]: the source state does not matter)',
    doc: `${DOC}#KMS-UpdateAlias-request-TargetKeyId`,
    tags: ['aliases', 'key-state'],
    ops: ['CreateKey', 'CreateAlias', 'ScheduleKeyDeletion', 'UpdateAlias', 'DescribeKey'],
    async run(t) {
      const [doomed, next] = await Promise.all([t.createKey(), t.createKey()]);
      const name = t.aliasName();
      await unthrottled(() => t.kms.send(new CreateAliasCommand({ AliasName: name, TargetKeyId: doomed.KeyId })));
      await unthrottled(() => t.kms.send(new ScheduleKeyDeletionCommand({ KeyId: doomed.KeyId, PendingWindowInDays: 7 })));
      await unthrottled(() => t.kms.send(new UpdateAliasCommand({ AliasName: name, TargetKeyId: next.KeyId })));
      t.expectEqual(await resolveAlias(t, name, next.KeyId), next.KeyId, 'the key the alias names');
    },
  }),
  defineCase({
    id: 'aliases.update-alias-target-alias',
    title: 'UpdateAlias refuses another alias as the new TargetKeyId; the alias stays put',
    doc: `${DOC}#KMS-UpdateAlias-request-TargetKeyId`,
    tags: ['aliases'],
    ops: ['CreateKey', 'CreateAlias', 'UpdateAlias', 'DescribeKey'],
    async run(t) {
      // MODEL: "Specify the key ID or key ARN"; AWS's code is not recorded: any 400 refusal.
      const [a, b] = await Promise.all([t.createKey(), t.createKey()]);
      const [x, y] = [t.aliasName('x'), t.aliasName('y')];
      await unthrottled(() => t.kms.send(new CreateAliasCommand({ AliasName: x, TargetKeyId: a.KeyId })));
      await unthrottled(() => t.kms.send(new CreateAliasCommand({ AliasName: y, TargetKeyId: b.KeyId })));
      await resolveAlias(t, y, b.KeyId);
      const r = await refused(t, unthrottled(() => t.kms.send(new UpdateAliasCommand({ AliasName: x, TargetKeyId: y }))), 'UpdateAlias');
      t.expectEqual(r.status, 400, 'HTTP status');
      t.expectEqual(await resolveAlias(t, x, a.KeyId), a.KeyId, 'the key alias x names');
    },
  }),
  defineCase({
    id: 'aliases.update-alias-aws-managed',
    title: 'UpdateAlias refuses to move the AWS managed alias alias/aws/s3 to a customer key',
    doc: `${DOC}#KMS-UpdateAlias-request-AliasName`,
    tags: ['aliases'],
    ops: ['CreateKey', 'UpdateAlias'],
    async run(t) {
      // MODEL: "You cannot ... an alias that begins with alias/aws/"; code not recorded: any 400 refusal.
      const key = await t.createKey();
      // Should an endpoint wrongly allow the move, put alias/aws/s3 back where it was for the other cases.
      const original = await resolveAlias(t, 'alias/aws/s3');
      if (typeof original === 'string') {
        t.cleanup(() => t.raw('UpdateAlias', { AliasName: 'alias/aws/s3', TargetKeyId: original }));
      }
      const r = await refused(t, unthrottled(() => t.kms.send(new UpdateAliasCommand({ AliasName: 'alias/aws/s3', TargetKeyId: key.KeyId }))), 'UpdateAlias');
      t.expectEqual(r.status, 400, 'HTTP status');
    },
  }),
];

export default cases;
