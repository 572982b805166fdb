import { nextRotationCase, PERIOD_DOC } from './_support.js';
import { recorded } from '../_lib/sources.js';

export default nextRotationCase({
  behaviour: 'next-rotation-date-follows-period',
  title: 'With RotationPeriodInDays 180 the NextRotationDate is about 180 days out',
  doc: PERIOD_DOC,
  source: recorded('spec/aws-observed.md §4.3 (LS-SNAP test_key_enable_rotation_status[180]) (RotationPeriodInDays, RotateKeyOnDemand, ListKeyRotations: aws-sdk-go-v2 service/kms CHANGELOG v1.31.0, 2024-04-12)', { since: '2024-04-12', verifiedAt: '2025-03-02' }),
  days: 180,
  reported(t, s) {
    t.expectEqual(s.RotationPeriodInDays, 180, 'RotationPeriodInDays');
  },
});
