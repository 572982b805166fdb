import { policySizeCase } from './_size.js';
import { documented } from '../_lib/sources.js';

/**
 * One byte over 32 KB (developer guide, key policy format: at most 32 kilobytes, 32,768 bytes):
 * "If the key policy exceeds the length constraint, KMS returns a LimitExceededException" (MODEL
 * PutKeyPolicy Policy). The message is not recorded; the previous policy stays.
 */
export default policySizeCase(32_769, documented('service model: PutKeyPolicyRequest.Policy ("If the key policy exceeds the length constraint, KMS returns a LimitExceededException"); size: https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-overview.html#key-policy-format'));
