import { ENABLE_DOC, nextRotationCase } from './_support.js';
import { recorded } from '../_lib/sources.js';

/** aws-observed.md 4.3: rotation enabled by default → RotationPeriodInDays 365 and a NextRotationDate a year out. */
export default nextRotationCase({
  behaviour: 'enable-default-period',
  title: 'EnableKeyRotation without a period gives RotationPeriodInDays 365 and a NextRotationDate about 365 days out',
  doc: ENABLE_DOC,
  source: recorded('spec/aws-observed.md §4.3 (LS-SNAP …automatic_rotation_enabled: RotationPeriodInDays 365, NextRotationDate) (RotationPeriodInDays, RotateKeyOnDemand, ListKeyRotations: aws-sdk-go-v2 service/kms CHANGELOG v1.31.0, 2024-04-12)', { since: '2024-04-12', verifiedAt: '2025-03-12' }),
  reported(t, s) {
    t.expectEqual([s.KeyRotationEnabled, s.RotationPeriodInDays], [true, 365], '[KeyRotationEnabled, RotationPeriodInDays]');
  },
});
