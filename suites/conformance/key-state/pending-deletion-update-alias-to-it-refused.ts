import { UpdateAliasCommand } from '@aws-sdk/client-kms';
import { stateCase } from './_support.js';
import { givenAlias, givenKey } from '../_lib/prerequisites.js';
import { documented } from '../_lib/sources.js';

export default stateCase({
  state: 'PendingDeletion',
  behaviour: 'update-alias-to-it-refused',
  title: 'UpdateAlias that would point an alias at a key pending deletion is refused with KMSInvalidStateException',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_UpdateAlias.html#API_UpdateAlias_Errors',
  source: documented('https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html (archived table: spec/aws-observed.md §2.2, KS-OLD [10]); no AWS capture: code only'),
  tags: ['key-state', 'aliases'],
  ops: ['CreateAlias', 'UpdateAlias'],
  async body(t, key) {
    const other = await givenKey(t);
    const alias = await givenAlias(t, other.KeyId);
    await t.expectError(t.kms.send(new UpdateAliasCommand({ AliasName: alias, TargetKeyId: key.KeyId })), {
      code: 'KMSInvalidStateException',
      status: 400,
    });
  },
});
