import { GetKeyRotationStatusCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { DAY_MS, keyWithClock } from '../deletion/_support.js';
import { enableRotation, requireClock, STATUS_DOC } from './_support.js';
import { documented } from '../_lib/sources.js';

/** After an automatic rotation the next one is a period later ("every ... thereafter", EnableKeyRotation doc). */
export default defineCase({
  id: 'rotation.automatic-next-date-advances',
  title: 'After an automatic rotation NextRotationDate moves one period (90 days) later',
  doc: STATUS_DOC,
  source: documented('service model: EnableKeyRotation doc ("and every year thereafter" / every rotation period) (RotationPeriodInDays, RotateKeyOnDemand, ListKeyRotations: aws-sdk-go-v2 service/kms CHANGELOG v1.31.0, 2024-04-12)', { since: '2024-04-12' }),
  tags: ['rotation'],
  ops: ['CreateKey', 'EnableKeyRotation', 'GetKeyRotationStatus'],
  flags: ['needs-clock'],
  async run(t) {
    requireClock(t, 'an automatic rotation (90 days)');
    const { key, clock } = await keyWithClock(t);
    const first = await enableRotation(t, key.KeyId, 90);
    await clock.advanceTo(t, first, 60_000);
    const next = (await t.kms.send(new GetKeyRotationStatusCommand({ KeyId: key.KeyId }))).NextRotationDate;
    t.check(next instanceof Date, 'NextRotationDate is present after the rotation', next);
    const days = (next!.getTime() - first.getTime()) / DAY_MS;
    t.check(Math.abs(days - 90) <= 1, 'the next NextRotationDate is 90 days after the previous one', { first, next, days });
  },
});
