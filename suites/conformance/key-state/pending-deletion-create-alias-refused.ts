import { CreateAliasCommand } from '@aws-sdk/client-kms';
import { stateCase } from './_support.js';
import { documented } from '../_lib/sources.js';

export default stateCase({
  state: 'PendingDeletion',
  behaviour: 'create-alias-refused',
  title: 'CreateAlias to a key pending deletion is refused with KMSInvalidStateException',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateAlias.html#API_CreateAlias_Errors',
  source: documented('https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html (archived table: spec/aws-observed.md §2.2, KS-OLD [3]); no AWS capture (spec/aws-observed.md §2.3 S9): code only'),
  tags: ['key-state', 'aliases'],
  ops: ['CreateAlias'],
  async body(t, key) {
    await t.expectError(t.kms.send(new CreateAliasCommand({ AliasName: t.aliasName(), TargetKeyId: key.KeyId })), {
      code: 'KMSInvalidStateException',
      status: 400,
    });
  },
});
