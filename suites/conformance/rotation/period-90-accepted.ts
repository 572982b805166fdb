import { periodCase } from './_period.js';
import { recorded } from '../_lib/sources.js';

/** RotationPeriodInDays is 90..2560 (kms-facts.md; model); 90 is a bound, so it is accepted. */
export default periodCase(90, 'accepted', recorded('spec/aws-observed.md §4.3 (LS-SNAP test_key_enable_rotation_status[90]) (RotationPeriodInDays, RotateKeyOnDemand, ListKeyRotations: aws-sdk-go-v2 service/kms CHANGELOG v1.31.0, 2024-04-12)', { since: '2024-04-12', verifiedAt: '2025-03-02' }));
