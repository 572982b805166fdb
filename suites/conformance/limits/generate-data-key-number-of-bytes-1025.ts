import { refused } from './_data-key-number-of-bytes.js';

export default refused('GenerateDataKey', 1025, {
  kind: 'inferred',
  cite: 'service model: NumberOfBytesType (1..1024); ValidationException recorded for GenerateRandom\'s NumberOfBytes only (spec/aws-observed.md §6.1 V3, V4): code by analogy',
  verifiedAt: '2026-12-07',
});
