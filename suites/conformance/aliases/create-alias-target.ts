/** What CreateAlias accepts as TargetKeyId: a key id or key ARN of a key not pending deletion. */
import { CreateAliasCommand, DisableKeyCommand, ScheduleKeyDeletionCommand } from '@aws-sdk/client-kms';
import { defineCase, type ConformanceCase } from '../../../harness/conformance/case.js';
import { absentKeyId, aliasArn, aliasesOf, refused, resolveAlias, unthrottled } from '../_lib/support.js';

const DOC = 'https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateAlias.html#KMS-CreateAlias-request-TargetKeyId';

const aliasAsTarget = (form: 'alias-name' | 'alias-arn'): ConformanceCase =>
  defineCase({
    id: `aliases.create-alias-target-${form}`,
    title: `CreateAlias refuses an ${form.replace('-', ' ')} as TargetKeyId (an alias must name a key)`,
    doc: DOC,
    tags: ['aliases'],
    ops: ['CreateKey', 'CreateAlias', 'ListAliases'],
    async run(t) {
      // MODEL/DG: "You cannot use another alias". AWS's code is not recorded (A4): any 400 refusal.
      const key = await t.createKey();
      const first = t.aliasName('first');
      await unthrottled(() => t.kms.send(new CreateAliasCommand({ AliasName: first, TargetKeyId: key.KeyId })));
      await resolveAlias(t, first, key.KeyId);
      const second = t.aliasName('second');
      const target = form === 'alias-name' ? first : aliasArn(t, first);
      const r = await refused(t, unthrottled(() => t.kms.send(new CreateAliasCommand({ AliasName: second, TargetKeyId: target }))), 'CreateAlias');
      t.expectEqual(r.status, 400, 'HTTP status');
      t.expectEqual((await aliasesOf(t, key.KeyId)).map((a) => a.AliasName), [first], "the key's aliases");
    },
  });

const cases: ConformanceCase[] = [
  aliasAsTarget('alias-name'),
  aliasAsTarget('alias-arn'),
  defineCase({
    id: 'aliases.create-alias-target-absent-key',
    title: 'CreateAlias whose TargetKeyId names no key is refused with NotFoundException',
    doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateAlias.html#API_CreateAlias_Errors',
    tags: ['aliases'],
    ops: ['CreateAlias'],
    async run(t) {
      await t.expectError(unthrottled(() => t.kms.send(new CreateAliasCommand({ AliasName: t.aliasName(), TargetKeyId: absentKeyId() }))), {
        code: 'NotFoundException',
        status: 400,
      });
    },
  }),
  defineCase({
    id: 'aliases.create-alias-target-disabled-key',
    title: 'CreateAlias accepts a disabled key as target, and the alias then names it',
    doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateAlias.html#KMS-CreateAlias-request-TargetKeyId',
    tags: ['aliases', 'key-state'],
    ops: ['CreateKey', 'DisableKey', 'CreateAlias', 'DescribeKey'],
    async run(t) {
      const key = await t.createKey();
      await unthrottled(() => t.kms.send(new DisableKeyCommand({ KeyId: key.KeyId })));
      const name = t.aliasName();
      await unthrottled(() => t.kms.send(new CreateAliasCommand({ AliasName: name, TargetKeyId: key.KeyId })));
      t.expectEqual(await resolveAlias(t, name, key.KeyId), key.KeyId, 'the key the alias names');
    },
  }),
  defineCase({
    id: 'aliases.create-alias-target-pending-deletion',
    title: 'CreateAlias for a key pending deletion is refused with KMSInvalidStateException',
    doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateAlias.html#API_CreateAlias_Errors',
    tags: ['aliases', 'key-state'],
    ops: ['CreateKey', 'ScheduleKeyDeletion', 'CreateAlias'],
    async run(t) {
      // KS-OLD [3] gives "<key ARN> is pending deletion." (no AWS capture, S9): code only.
      const key = await t.createKey();
      await unthrottled(() => t.kms.send(new ScheduleKeyDeletionCommand({ KeyId: key.KeyId, PendingWindowInDays: 7 })));
      await t.expectError(unthrottled(() => t.kms.send(new CreateAliasCommand({ AliasName: t.aliasName(), TargetKeyId: key.KeyId }))), {
        code: 'KMSInvalidStateException',
        status: 400,
      });
    },
  }),
];

export default cases;
