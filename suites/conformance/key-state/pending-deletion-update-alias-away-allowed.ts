import { DescribeKeyCommand, UpdateAliasCommand } from '@aws-sdk/client-kms';
import { settle, stateCase } from './_support.js';
import { aliasBefore } from './_aliases.js';
import { givenKey } from '../_lib/prerequisites.js';
import { documented } from '../_lib/sources.js';

export default stateCase<string>({
  state: 'PendingDeletion',
  behaviour: 'update-alias-away-allowed',
  title: 'UpdateAlias moving an alias off a key pending deletion to an Enabled key succeeds',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_UpdateAlias.html#API_UpdateAlias_Errors',
  source: documented('https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html (archived table: spec/aws-observed.md §2.2, KS-OLD [10]) (source key pending deletion: succeeds)'),
  tags: ['key-state', 'aliases'],
  ops: ['CreateAlias', 'UpdateAlias', 'DescribeKey'],
  before: aliasBefore,
  async body(t, _key, alias) {
    const other = await givenKey(t);
    await t.kms.send(new UpdateAliasCommand({ AliasName: alias, TargetKeyId: other.KeyId }));
    const m = await settle(
      () => t.kms.send(new DescribeKeyCommand({ KeyId: alias })).then((o) => o.KeyMetadata),
      (v) => v?.KeyId === other.KeyId,
    );
    t.expectEqual(m?.KeyId, other.KeyId, 'KeyId of DescribeKey through the alias after UpdateAlias');
  },
});
