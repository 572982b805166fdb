import { DeleteAliasCommand } from '@aws-sdk/client-kms';
import { settle, stateCase } from './_support.js';
import { aliasBefore, aliasesOf } from './_aliases.js';
import { documented } from '../_lib/sources.js';

export default stateCase<string>({
  state: 'PendingDeletion',
  behaviour: 'delete-alias-allowed',
  title: 'DeleteAlias of an alias of a key pending deletion succeeds',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_DeleteAlias.html',
  source: documented('https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html (archived table: spec/aws-observed.md §2.2, KS-OLD) (DeleteAlias ✓ in every state)'),
  tags: ['key-state', 'aliases'],
  ops: ['CreateAlias', 'DeleteAlias', 'ListAliases'],
  before: aliasBefore,
  async body(t, key, alias) {
    await t.kms.send(new DeleteAliasCommand({ AliasName: alias }));
    const names = await settle(() => aliasesOf(t, key), (v) => !v.includes(alias));
    t.check(!names.includes(alias), 'the deleted alias is no longer listed for the key', names);
  },
});
