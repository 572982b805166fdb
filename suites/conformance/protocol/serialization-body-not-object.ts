import { serialization } from './_serialization.js';
import { inferred } from '../_lib/sources.js';

export default serialization('body-not-object', 'a JSON array instead of an object', 'ListKeys', '[]', inferred('spec/aws-observed.md §10 P8: SerializationException is what Coral JSON services (DynamoDB) answer; KMS\'s answer is not recorded'));
