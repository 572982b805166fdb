import { serialization } from './_serialization.js';
import { inferred } from '../_lib/sources.js';

export default serialization('number-for-string', 'a number where a string belongs (KeyId: 12345)', 'DescribeKey', '{"KeyId":12345}', inferred('spec/aws-observed.md §10 P8: SerializationException is what Coral JSON services (DynamoDB) answer; KMS\'s answer is not recorded'));
