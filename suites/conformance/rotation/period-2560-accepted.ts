import { periodCase } from './_period.js';
import { documented } from '../_lib/sources.js';

/** RotationPeriodInDays is 90..2560 (kms-facts.md; model); 2560 is a bound, so it is accepted. */
export default periodCase(2560, 'accepted', documented('service model: RotationPeriodInDaysType (90..2560) (RotationPeriodInDays, RotateKeyOnDemand, ListKeyRotations: aws-sdk-go-v2 service/kms CHANGELOG v1.31.0, 2024-04-12)', { since: '2024-04-12' }));
