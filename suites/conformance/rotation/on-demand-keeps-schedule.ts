import { GetKeyRotationStatusCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { givenRotationEnabled, ON_DEMAND_DOC, rotateOnDemand } from './_support.js';
import { givenKey } from '../_lib/prerequisites.js';

/** API reference: "On-demand rotations do not change existing automatic rotation schedules." */
export default defineCase({
  id: 'rotation.on-demand-keeps-schedule',
  title: 'RotateKeyOnDemand leaves the automatic schedule (period and NextRotationDate) unchanged',
  doc: ON_DEMAND_DOC,
  source: {
    kind: 'documented',
    cite: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_RotateKeyOnDemand.html ("On-demand rotations do not change existing automatic rotation schedules") (RotationPeriodInDays, RotateKeyOnDemand, ListKeyRotations: aws-sdk-go-v2 service/kms CHANGELOG v1.31.0, 2024-04-12)',
    verifiedAt: '2026-12-07',
    since: '2024-04-12',
  },
  tags: ['rotation'],
  ops: ['CreateKey', 'EnableKeyRotation', 'RotateKeyOnDemand', 'GetKeyRotationStatus'],
  timeoutMs: 120_000,
  async run(t) {
    const key = await givenKey(t);
    await givenRotationEnabled(t, key.KeyId, 730);
    const before = await t.kms.send(new GetKeyRotationStatusCommand({ KeyId: key.KeyId }));
    await rotateOnDemand(t, key.KeyId);
    const after = await t.kms.send(new GetKeyRotationStatusCommand({ KeyId: key.KeyId }));
    t.expectEqual(
      [after.KeyRotationEnabled, after.RotationPeriodInDays, after.NextRotationDate?.getTime()],
      [true, 730, before.NextRotationDate?.getTime()],
      '[KeyRotationEnabled, RotationPeriodInDays, NextRotationDate] after the on-demand rotation',
    );
  },
});
