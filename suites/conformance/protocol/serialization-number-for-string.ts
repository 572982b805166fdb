import { serialization } from './_serialization.js';

export default serialization('number-for-string', 'a number where a string belongs (KeyId: 12345)', 'DescribeKey', '{"KeyId":12345}', {
  kind: 'inferred',
  cite: 'spec/aws-observed.md §10 P8: SerializationException is what Coral JSON services (DynamoDB) answer; KMS\'s answer is not recorded',
  verifiedAt: '2026-12-07',
});
