import { givenRotationEnabled, nextRotationCase, PERIOD_DOC } from './_support.js';
import { documented } from '../_lib/sources.js';

/** API reference: RotationPeriodInDays can "modify the rotation period of a key that you previously enabled". */
export default nextRotationCase({
  behaviour: 'change-period',
  title: 'EnableKeyRotation on a key already rotating changes its period and NextRotationDate',
  doc: PERIOD_DOC,
  source: documented('https://docs.aws.amazon.com/kms/latest/APIReference/API_EnableKeyRotation.html#KMS-EnableKeyRotation-request-RotationPeriodInDays ("modify the rotation period of a key that you previously enabled") (RotationPeriodInDays, RotateKeyOnDemand, ListKeyRotations: aws-sdk-go-v2 service/kms CHANGELOG v1.31.0, 2024-04-12)', { since: '2024-04-12' }),
  days: 400,
  before: (t, key) => givenRotationEnabled(t, key.KeyId, 100),
  reported(t, s) {
    t.expectEqual([s.KeyRotationEnabled, s.RotationPeriodInDays], [true, 400], '[KeyRotationEnabled, RotationPeriodInDays]');
  },
});
