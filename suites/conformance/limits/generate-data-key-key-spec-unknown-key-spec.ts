/**
 * GenerateDataKey* need exactly one of KeySpec / NumberOfBytes (facts sheet). AWS's message for
 * both/neither is not recorded (aws-observed.md V20), so these check the code.
 */
import { specOrBytes } from './_data-key-spec-or-bytes.js';

export default specOrBytes('GenerateDataKey', 'unknown-key-spec', "a KeySpec outside [AES_256, AES_128] ('AES_257')", { KeySpec: 'AES_257' });
