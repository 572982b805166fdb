import { defineCase } from '../../../harness/conformance/case.js';
import { keyWithClock } from '../deletion/_support.js';
import { allRotations, enableRotation, HOW_IT_WORKS_DOC, requireClock } from './_support.js';
import { documented } from '../_lib/sources.js';

export default defineCase({
  id: 'rotation.automatic-not-before-period',
  title: 'One minute before NextRotationDate the key has not rotated',
  doc: HOW_IT_WORKS_DOC,
  source: documented('https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html (rotation happens on the next rotation date) (RotationPeriodInDays, RotateKeyOnDemand, ListKeyRotations: aws-sdk-go-v2 service/kms CHANGELOG v1.31.0, 2024-04-12)', { since: '2024-04-12' }),
  tags: ['rotation'],
  ops: ['CreateKey', 'EnableKeyRotation', 'GetKeyRotationStatus', 'ListKeyRotations'],
  flags: ['needs-clock'],
  async run(t) {
    requireClock(t, 'a minute before an automatic rotation (90 days)');
    const { key, clock } = await keyWithClock(t);
    const NextRotationDate = await enableRotation(t, key.KeyId, 90);
    await clock.advanceTo(t, NextRotationDate, -60_000);
    const { entries } = await allRotations(t, key.KeyId);
    t.expectEqual(entries.length, 0, 'rotations listed one minute before NextRotationDate');
  },
});
