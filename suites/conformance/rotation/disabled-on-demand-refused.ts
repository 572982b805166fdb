import { disabledError } from '../key-state/_support.js';
import { onDemandRefusedCase } from './_support.js';
import { recorded } from '../_lib/sources.js';

/** aws-observed.md S6 / R5: DisabledException "<key ARN> is disabled." */
export default onDemandRefusedCase('Disabled', 'RotateKeyOnDemand on a Disabled key is refused with DisabledException "<arn> is disabled."', disabledError, recorded('spec/aws-observed.md §2.3 S6 (LS-SNAP test_rotate_key_on_demand_raises_error_given_key_is_disabled) (RotationPeriodInDays, RotateKeyOnDemand, ListKeyRotations: aws-sdk-go-v2 service/kms CHANGELOG v1.31.0, 2024-04-12)', { since: '2024-04-12', verifiedAt: '2025-03-08' }));
