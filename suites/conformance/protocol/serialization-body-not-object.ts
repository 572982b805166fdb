import { serialization } from './_serialization.js';

export default serialization('body-not-object', 'a JSON array instead of an object', 'ListKeys', '[]', {
  kind: 'inferred',
  cite: 'spec/aws-observed.md §10 P8: SerializationException is what Coral JSON services (DynamoDB) answer; KMS\'s answer is not recorded',
  verifiedAt: '2026-12-07',
});
