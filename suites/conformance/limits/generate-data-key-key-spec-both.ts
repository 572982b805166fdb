import { specOrBytes } from './_data-key-spec-or-bytes.js';
import { inferred } from '../_lib/sources.js';

export default specOrBytes('GenerateDataKey', 'both', 'both KeySpec and NumberOfBytes', { KeySpec: 'AES_256', NumberOfBytes: 32 }, inferred('service model: GenerateDataKey doc (KeySpec or NumberOfBytes, not both); AWS\'s answer is not recorded (spec/aws-observed.md §6.1 V20): ValidationException by analogy'));
