import { serialization } from './_serialization.js';

export default serialization('malformed-json', 'a body that is not valid JSON ({"Limit": )', 'ListKeys', '{"Limit": ', {
  kind: 'inferred',
  cite: 'spec/aws-observed.md §10 P8: SerializationException is what Coral JSON services (DynamoDB) answer; KMS\'s answer is not recorded',
  verifiedAt: '2026-12-07',
});
