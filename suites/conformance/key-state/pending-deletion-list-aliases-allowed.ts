import { CreateAliasCommand } from '@aws-sdk/client-kms';
import { settle, stateCase } from './_support.js';
import { aliasesOf } from './_aliases.js';

export default stateCase<string>({
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
});
