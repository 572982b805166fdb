import { GetKeyRotationStatusCommand, type GetKeyRotationStatusCommandOutput } from '@aws-sdk/client-kms';
import { givenRotationEnabled, ON_DEMAND_DOC } from './_support.js';
import { onDemandCase } from './_on-demand.js';
import { documented } from '../_lib/sources.js';

/** API reference: "On-demand rotations do not change existing automatic rotation schedules." */
export default onDemandCase<GetKeyRotationStatusCommandOutput>({
  behaviour: 'keeps-schedule',
  title: 'RotateKeyOnDemand leaves the automatic schedule (period and NextRotationDate) unchanged',
  doc: ON_DEMAND_DOC,
  source: documented('https://docs.aws.amazon.com/kms/latest/APIReference/API_RotateKeyOnDemand.html ("On-demand rotations do not change existing automatic rotation schedules") (RotationPeriodInDays, RotateKeyOnDemand, ListKeyRotations: aws-sdk-go-v2 service/kms CHANGELOG v1.31.0, 2024-04-12)', { since: '2024-04-12' }),
  ops: ['CreateKey', 'EnableKeyRotation', 'RotateKeyOnDemand', 'GetKeyRotationStatus'],
  async before(t, key) {
    await givenRotationEnabled(t, key.KeyId, 730);
    return t.kms.send(new GetKeyRotationStatusCommand({ KeyId: key.KeyId }));
  },
  async after(t, key, before) {
    const after = await t.kms.send(new GetKeyRotationStatusCommand({ KeyId: key.KeyId }));
    t.expectEqual(
      [after.KeyRotationEnabled, after.RotationPeriodInDays, after.NextRotationDate?.getTime()],
      [true, 730, before.NextRotationDate?.getTime()],
      '[KeyRotationEnabled, RotationPeriodInDays, NextRotationDate] after the on-demand rotation',
    );
  },
});
