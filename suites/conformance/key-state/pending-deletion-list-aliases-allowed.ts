import { settle, stateCase } from './_support.js';
import { aliasBefore, aliasesOf } from './_aliases.js';
import { documented } from '../_lib/sources.js';

export default stateCase<string>({
  state: 'PendingDeletion',
  behaviour: 'list-aliases-allowed',
  title: 'ListAliases with the KeyId of a key pending deletion succeeds and lists its alias',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_ListAliases.html#KMS-ListAliases-request-KeyId',
  source: documented('https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html (archived table: spec/aws-observed.md §2.2, KS-OLD) (ListAliases ✓ in every state)'),
  tags: ['key-state', 'aliases'],
  ops: ['CreateAlias', 'ListAliases'],
  before: aliasBefore,
  async body(t, key, alias) {
    const names = await settle(() => aliasesOf(t, key), (v) => v.includes(alias));
    t.expectEqual(names, [alias], 'aliases listed for the key pending deletion');
  },
});
