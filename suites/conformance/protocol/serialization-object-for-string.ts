import { serialization } from './_serialization.js';
import { inferred } from '../_lib/sources.js';

export default serialization('object-for-string', 'an object where a string belongs (KeyId: {})', 'DescribeKey', '{"KeyId":{}}', inferred('spec/aws-observed.md §10 P8: SerializationException is what Coral JSON services (DynamoDB) answer; KMS\'s answer is not recorded'));
