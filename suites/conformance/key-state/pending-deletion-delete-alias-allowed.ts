import { CreateAliasCommand, DeleteAliasCommand } from '@aws-sdk/client-kms';
import { settle, stateCase } from './_support.js';
import { aliasesOf } from './_aliases.js';

export default stateCase<string>({
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
});
