import { DescribeKeyCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { givenKey } from '../_lib/prerequisites.js';
import { aliasOfDoomedKey } from './_support.js';
import { documented } from '../_lib/sources.js';

export default defineCase({
  id: 'aliases.alias-of-pending-deletion-key',
  title: 'An alias of a key pending deletion still resolves: DescribeKey through it shows KeyState PendingDeletion',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_ScheduleKeyDeletion.html#API_ScheduleKeyDeletion_RequestParameters',
  source: documented('https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html (archived table: spec/aws-observed.md §2.2, KS-OLD) (DescribeKey ✓ while PendingDeletion); https://docs.aws.amazon.com/kms/latest/APIReference/API_ScheduleKeyDeletion.html (aliases are deleted with the key, after the waiting period)'),
  tags: ['aliases', 'key-state'],
  ops: ['CreateKey', 'CreateAlias', 'ScheduleKeyDeletion', 'DescribeKey'],
  async run(t) {
    // Aliases are deleted with the key at the end of the waiting period, not before (KS-OLD: DescribeKey ✓).
    const key = await givenKey(t);
    const name = await aliasOfDoomedKey(t, key, { wait: true });
    const m = (await t.kms.send(new DescribeKeyCommand({ KeyId: name }))).KeyMetadata;
    t.expectEqual([m?.KeyId, m?.KeyState], [key.KeyId, 'PendingDeletion'], 'KeyId and KeyState through the alias');
  },
});
