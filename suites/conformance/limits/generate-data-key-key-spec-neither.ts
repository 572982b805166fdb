import { specOrBytes } from './_data-key-spec-or-bytes.js';
import { inferred } from '../_lib/sources.js';

export default specOrBytes('GenerateDataKey', 'neither', 'neither KeySpec nor NumberOfBytes', {}, inferred('service model: GenerateDataKey doc (KeySpec or NumberOfBytes, not both); AWS\'s answer is not recorded (spec/aws-observed.md §6.1 V20): ValidationException by analogy'));
