import { specOrBytes } from './_data-key-spec-or-bytes.js';

export default specOrBytes('GenerateDataKeyWithoutPlaintext', 'neither', 'neither KeySpec nor NumberOfBytes', {}, {
  kind: 'inferred',
  cite: 'service model: GenerateDataKey doc (KeySpec or NumberOfBytes, not both); AWS\'s answer is not recorded (spec/aws-observed.md §6.1 V20): ValidationException by analogy',
  verifiedAt: '2026-12-07',
});
