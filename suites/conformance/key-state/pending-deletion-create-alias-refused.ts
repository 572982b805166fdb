import { CreateAliasCommand } from '@aws-sdk/client-kms';
import { stateCase } from './_support.js';

export default stateCase({
  state: 'PendingDeletion',
  behaviour: 'create-alias-refused',
  title: 'CreateAlias to a key pending deletion is refused with KMSInvalidStateException',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateAlias.html#API_CreateAlias_Errors',
  tags: ['key-state', 'aliases'],
  ops: ['CreateAlias'],
  async body(t, key) {
    await t.expectError(t.kms.send(new CreateAliasCommand({ AliasName: t.aliasName(), TargetKeyId: key.KeyId })), {
      code: 'KMSInvalidStateException',
      status: 400,
    });
  },
});
