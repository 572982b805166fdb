import { periodCase } from './_period.js';
import { inferred } from '../_lib/sources.js';

/** RotationPeriodInDays is 90..2560 (kms-facts.md; model): 2561 is above it. The message is not recorded (aws-observed.md 6.2), so the code only. */
export default periodCase(2561, 'refused', inferred('service model: RotationPeriodInDaysType (max 2560); ValidationException by analogy with recorded range violations (spec/aws-observed.md §6.1 V4), wording not recorded (spec/aws-observed.md §6.2) (RotationPeriodInDays, RotateKeyOnDemand, ListKeyRotations: aws-sdk-go-v2 service/kms CHANGELOG v1.31.0, 2024-04-12)', { since: '2024-04-12' }));
