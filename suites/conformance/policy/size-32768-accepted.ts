import { policySizeCase } from './_size.js';
import { documented } from '../_lib/sources.js';

/** kms-facts.md; developer guide, key policy format: a key policy document is at most 32 kilobytes (32,768 bytes). */
export default policySizeCase(32_768, documented('https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-overview.html#key-policy-format (up to 32 kilobytes, 32,768 bytes)'));
