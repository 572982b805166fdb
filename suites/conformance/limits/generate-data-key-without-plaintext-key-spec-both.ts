import { specOrBytes } from './_data-key-spec-or-bytes.js';

export default specOrBytes('GenerateDataKeyWithoutPlaintext', 'both', 'both KeySpec and NumberOfBytes', { KeySpec: 'AES_128', NumberOfBytes: 16 }, {
  kind: 'inferred',
  cite: 'service model: GenerateDataKey doc (KeySpec or NumberOfBytes, not both); AWS\'s answer is not recorded (spec/aws-observed.md §6.1 V20): ValidationException by analogy',
  verifiedAt: '2026-12-07',
});
