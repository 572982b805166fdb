import { specOrBytes } from './_data-key-spec-or-bytes.js';

export default specOrBytes('GenerateDataKey', 'both', 'both KeySpec and NumberOfBytes', { KeySpec: 'AES_256', NumberOfBytes: 32 }, {
  kind: 'inferred',
  cite: 'service model: GenerateDataKey doc (KeySpec or NumberOfBytes, not both); AWS\'s answer is not recorded (spec/aws-observed.md §6.1 V20): ValidationException by analogy',
  verifiedAt: '2026-12-07',
});
