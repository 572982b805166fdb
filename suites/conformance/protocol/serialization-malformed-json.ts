/**
 * Bodies that are not JSON, or JSON of the wrong types for the operation's members, are refused
 * with SerializationException (HTTP 400) before any validation (facts sheet; aws-observed.md P8:
 * KMS's messages are not recorded, so only the code is checked).
 */
import { serialization } from './_serialization.js';

export default serialization('malformed-json', 'a body that is not valid JSON ({"Limit": )', 'ListKeys', '{"Limit": ', {
  kind: 'inferred',
  cite: 'spec/aws-observed.md §10 P8: SerializationException is what Coral JSON services (DynamoDB) answer; KMS\'s answer is not recorded',
  verifiedAt: '2026-12-07',
});
