import { EnableKeyRotationCommand, GetKeyRotationStatusCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { endpointNow, expectDaysAfter, givenRotationEnabled, PERIOD_DOC } from './_support.js';
import { givenKey } from '../_lib/prerequisites.js';

/** API reference: RotationPeriodInDays can "modify the rotation period of a key that you previously enabled". */
export default defineCase({
  id: 'rotation.change-period',
  title: 'EnableKeyRotation on a key already rotating changes its period and NextRotationDate',
  doc: PERIOD_DOC,
  source: {
    kind: 'documented',
    cite: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_EnableKeyRotation.html#KMS-EnableKeyRotation-request-RotationPeriodInDays ("modify the rotation period of a key that you previously enabled") (RotationPeriodInDays, RotateKeyOnDemand, ListKeyRotations: aws-sdk-go-v2 service/kms CHANGELOG v1.31.0, 2024-04-12)',
    verifiedAt: '2026-12-07',
    since: '2024-04-12',
  },
  tags: ['rotation'],
  ops: ['CreateKey', 'EnableKeyRotation', 'GetKeyRotationStatus'],
  async run(t) {
    const key = await givenKey(t);
    const local = Date.now();
    await givenRotationEnabled(t, key.KeyId, 100);
    await t.kms.send(new EnableKeyRotationCommand({ KeyId: key.KeyId, RotationPeriodInDays: 400 }));
    const s = await t.kms.send(new GetKeyRotationStatusCommand({ KeyId: key.KeyId }));
    t.expectEqual([s.KeyRotationEnabled, s.RotationPeriodInDays], [true, 400], '[KeyRotationEnabled, RotationPeriodInDays]');
    expectDaysAfter(t, s.NextRotationDate, endpointNow(key, local), 400, 'NextRotationDate');
  },
});
