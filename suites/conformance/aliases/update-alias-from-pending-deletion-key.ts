/** UpdateAlias: moves an alias to another key of the same type (MODEL UpdateAlias; DG alias-manage). */
import { UpdateAliasCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { unthrottled } from '../_lib/support.js';
import { givenKey } from '../_lib/prerequisites.js';
import { aliasOfDoomedKey, expectAliasNames } from './_support.js';
import { documented } from '../_lib/sources.js';

export default defineCase({
  id: 'aliases.update-alias-from-pending-deletion-key',
  title: 'UpdateAlias moves an alias away from a key pending deletion (KS-OLD [10]: the source state does not matter)',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_UpdateAlias.html#KMS-UpdateAlias-request-TargetKeyId',
  source: documented('https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html (archived table: spec/aws-observed.md §2.2, KS-OLD [10]) (source key pending deletion: succeeds)'),
  tags: ['aliases', 'key-state'],
  ops: ['CreateKey', 'CreateAlias', 'ScheduleKeyDeletion', 'UpdateAlias', 'DescribeKey'],
  async run(t) {
    const [doomed, next] = await Promise.all([givenKey(t), givenKey(t)]);
    const name = await aliasOfDoomedKey(t, doomed);
    await unthrottled(() => t.kms.send(new UpdateAliasCommand({ AliasName: name, TargetKeyId: next.KeyId })));
    await expectAliasNames(t, name, next.KeyId);
  },
});
