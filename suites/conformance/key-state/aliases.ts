import { CreateAliasCommand, DeleteAliasCommand, DescribeKeyCommand, ListAliasesCommand, UpdateAliasCommand } from '@aws-sdk/client-kms';
import type { CaseContext } from '../../../harness/conformance/case.js';
import { settle, stateCase, type Key, type StateName } from './_support.js';

const createDoc = 'https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateAlias.html#API_CreateAlias_Errors';
const updateDoc = 'https://docs.aws.amazon.com/kms/latest/APIReference/API_UpdateAlias.html#API_UpdateAlias_Errors';

const aliasesOf = async (t: CaseContext, key: Key) =>
  ((await t.kms.send(new ListAliasesCommand({ KeyId: key.KeyId }))).Aliases ?? []).map((a) => a.AliasName).sort();

/** Aliases can point to keys in every state but PendingDeletion (aws-observed.md §2.2, KS-OLD [3], [10]; codes only). */
const createAllowed = (state: StateName) =>
  stateCase({
    state,
    behaviour: 'create-alias-allowed',
    title: `CreateAlias to a ${state} key succeeds and the alias resolves to it`,
    doc: createDoc,
    tags: ['key-state', 'aliases'],
    ops: ['CreateAlias', 'DescribeKey'],
    async body(t, key) {
      const alias = t.aliasName();
      await t.kms.send(new CreateAliasCommand({ AliasName: alias, TargetKeyId: key.KeyId }));
      const m = await settle(
        () => t.kms.send(new DescribeKeyCommand({ KeyId: alias })).then((o) => o.KeyMetadata, () => undefined),
        (v) => v !== undefined,
      );
      t.expectEqual([m?.KeyId, m?.KeyState], [key.KeyId, state], '[KeyId, KeyState] of DescribeKey through the alias');
    },
  });

export default [
  createAllowed('Disabled'),
  createAllowed('PendingImport'),
  stateCase({
    state: 'PendingDeletion',
    behaviour: 'create-alias-refused',
    title: 'CreateAlias to a key pending deletion is refused with KMSInvalidStateException',
    doc: createDoc,
    tags: ['key-state', 'aliases'],
    ops: ['CreateAlias'],
    async body(t, key) {
      await t.expectError(t.kms.send(new CreateAliasCommand({ AliasName: t.aliasName(), TargetKeyId: key.KeyId })), {
        code: 'KMSInvalidStateException',
        status: 400,
      });
    },
  }),
  stateCase({
    state: 'PendingDeletion',
    behaviour: 'update-alias-to-it-refused',
    title: 'UpdateAlias that would point an alias at a key pending deletion is refused with KMSInvalidStateException',
    doc: updateDoc,
    tags: ['key-state', 'aliases'],
    ops: ['CreateAlias', 'UpdateAlias'],
    async body(t, key) {
      const other = await t.createKey();
      const alias = t.aliasName();
      await t.kms.send(new CreateAliasCommand({ AliasName: alias, TargetKeyId: other.KeyId }));
      await t.expectError(t.kms.send(new UpdateAliasCommand({ AliasName: alias, TargetKeyId: key.KeyId })), {
        code: 'KMSInvalidStateException',
        status: 400,
      });
    },
  }),
  stateCase<string>({
    state: 'PendingDeletion',
    behaviour: 'update-alias-away-allowed',
    title: 'UpdateAlias moving an alias off a key pending deletion to an Enabled key succeeds',
    doc: updateDoc,
    tags: ['key-state', 'aliases'],
    ops: ['CreateAlias', 'UpdateAlias', 'DescribeKey'],
    async before(t, key) {
      const alias = t.aliasName();
      await t.kms.send(new CreateAliasCommand({ AliasName: alias, TargetKeyId: key.KeyId }));
      return alias;
    },
    async body(t, _key, alias) {
      const other = await t.createKey();
      await t.kms.send(new UpdateAliasCommand({ AliasName: alias, TargetKeyId: other.KeyId }));
      const m = await settle(
        () => t.kms.send(new DescribeKeyCommand({ KeyId: alias })).then((o) => o.KeyMetadata),
        (v) => v?.KeyId === other.KeyId,
      );
      t.expectEqual(m?.KeyId, other.KeyId, 'KeyId of DescribeKey through the alias after UpdateAlias');
    },
  }),
  stateCase<string>({
    state: 'PendingDeletion',
    behaviour: 'delete-alias-allowed',
    title: 'DeleteAlias of an alias of a key pending deletion succeeds',
    doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_DeleteAlias.html',
    tags: ['key-state', 'aliases'],
    ops: ['CreateAlias', 'DeleteAlias', 'ListAliases'],
    async before(t, key) {
      const alias = t.aliasName();
      await t.kms.send(new CreateAliasCommand({ AliasName: alias, TargetKeyId: key.KeyId }));
      return alias;
    },
    async body(t, key, alias) {
      await t.kms.send(new DeleteAliasCommand({ AliasName: alias }));
      const names = await settle(() => aliasesOf(t, key), (v) => !v.includes(alias));
      t.check(!names.includes(alias), 'the deleted alias is no longer listed for the key', names);
    },
  }),
  stateCase<string>({
    state: 'PendingDeletion',
    behaviour: 'list-aliases-allowed',
    title: 'ListAliases with the KeyId of a key pending deletion succeeds and lists its alias',
    doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_ListAliases.html#KMS-ListAliases-request-KeyId',
    tags: ['key-state', 'aliases'],
    ops: ['CreateAlias', 'ListAliases'],
    async before(t, key) {
      const alias = t.aliasName();
      await t.kms.send(new CreateAliasCommand({ AliasName: alias, TargetKeyId: key.KeyId }));
      return alias;
    },
    async body(t, key, alias) {
      const names = await settle(() => aliasesOf(t, key), (v) => v.includes(alias));
      t.expectEqual(names, [alias], 'aliases listed for the key pending deletion');
    },
  }),
];
