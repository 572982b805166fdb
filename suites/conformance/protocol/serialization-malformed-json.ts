import { serialization } from './_serialization.js';
import { inferred } from '../_lib/sources.js';

export default serialization('malformed-json', 'a body that is not valid JSON ({"Limit": )', 'ListKeys', '{"Limit": ', inferred('spec/aws-observed.md §10 P8: SerializationException is what Coral JSON services (DynamoDB) answer; KMS\'s answer is not recorded'));
