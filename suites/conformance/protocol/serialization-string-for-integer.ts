import { serialization } from './_serialization.js';
import { inferred } from '../_lib/sources.js';

export default serialization('string-for-integer', 'a string where an integer belongs (NumberOfBytes: "sixteen")', 'GenerateRandom', '{"NumberOfBytes":"sixteen"}', inferred('spec/aws-observed.md §10 P8: SerializationException is what Coral JSON services (DynamoDB) answer; KMS\'s answer is not recorded'));
