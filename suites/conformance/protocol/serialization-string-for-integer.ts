import { serialization } from './_serialization.js';

export default serialization('string-for-integer', 'a string where an integer belongs (NumberOfBytes: "sixteen")', 'GenerateRandom', '{"NumberOfBytes":"sixteen"}', {
  kind: 'inferred',
  cite: 'spec/aws-observed.md §10 P8: SerializationException is what Coral JSON services (DynamoDB) answer; KMS\'s answer is not recorded',
  verifiedAt: '2026-12-07',
});
