/** UpdateAlias: moves an alias to another key of the same type (MODEL UpdateAlias; DG alias-manage). */
import { UpdateAliasCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { unthrottled } from '../_lib/support.js';
import { pendingDeletionKey } from '../key-state/_support.js';
import { givenAlias, givenKey } from '../_lib/prerequisites.js';
import { expectAliasStays } from './_support.js';
import { documented } from '../_lib/sources.js';

export default defineCase({
  id: 'aliases.update-alias-target-pending-deletion',
  title: 'UpdateAlias to a key pending deletion is refused with KMSInvalidStateException; the alias stays put (A6)',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_UpdateAlias.html#API_UpdateAlias_Errors',
  source: documented('https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html (archived table: spec/aws-observed.md §2.2, KS-OLD [10]) (destination key pending deletion: KMSInvalidStateException); no AWS capture (spec/aws-observed.md §7 A6): code only'),
  tags: ['aliases', 'key-state'],
  ops: ['CreateKey', 'CreateAlias', 'ScheduleKeyDeletion', 'UpdateAlias', 'DescribeKey'],
  async run(t) {
    // KS-OLD [10]: "<CMK ARN> is pending deletion." (documentation, no AWS capture): code only.
    const [current, doomed] = await Promise.all([givenKey(t), pendingDeletionKey(t)]);
    const name = await givenAlias(t, current.KeyId);
    const refused = unthrottled(() => t.kms.send(new UpdateAliasCommand({ AliasName: name, TargetKeyId: doomed.KeyId })));
    await expectAliasStays(t, name, current.KeyId, refused, 'KMSInvalidStateException');
  },
});
