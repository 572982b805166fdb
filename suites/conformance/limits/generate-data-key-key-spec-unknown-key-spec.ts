import { specOrBytes } from './_data-key-spec-or-bytes.js';
import { inferred } from '../_lib/sources.js';

export default specOrBytes('GenerateDataKey', 'unknown-key-spec', "a KeySpec outside [AES_256, AES_128] ('AES_257')", { KeySpec: 'AES_257' }, inferred('service model: DataKeySpec enum (AES_256, AES_128); ValidationException as for other enum violations (spec/aws-observed.md §6.1 V9), wording not recorded (spec/aws-observed.md §6.2)'));
