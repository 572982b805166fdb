/**
 * Shared by the aliases cases beside it, one case per module. Not a case file: no default export.
 *
 * @module
 */
import { CreateAliasCommand, DescribeKeyCommand, ListAliasesCommand } from '@aws-sdk/client-kms';
import type { CaseContext, CaseSource } from '../../../harness/conformance/case.js';
import { settle, stateCase, type Key, type StateName } from './_support.js';

export const createDoc = 'https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateAlias.html#API_CreateAlias_Errors';

export const aliasesOf = async (t: CaseContext, key: Key) =>
  ((await t.kms.send(new ListAliasesCommand({ KeyId: key.KeyId }))).Aliases ?? []).map((a) => a.AliasName).sort();

/** Creates an alias of `key` before it is put in its state (a `before` of stateCase) and answers its name. */
export async function aliasBefore(t: CaseContext, key: Key): Promise<string> {
  const alias = t.aliasName();
  await t.kms.send(new CreateAliasCommand({ AliasName: alias, TargetKeyId: key.KeyId }));
  return alias;
}

/** Aliases can point to keys in every state but PendingDeletion (aws-observed.md §2.2, KS-OLD [3], [10]; codes only). */
export const createAllowed = (state: StateName, source: CaseSource) =>
  stateCase({
    state,
    behaviour: 'create-alias-allowed',
    title: `CreateAlias to a ${state} key succeeds and the alias resolves to it`,
    doc: createDoc,
    source,
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
