import { serialization } from './_serialization.js';
import { inferred } from '../_lib/sources.js';

export default serialization('object-for-list', 'an object where a list belongs (Tags: {})', 'TagResource', '{"KeyId":"1234abcd-12ab-34cd-56ef-1234567890ab","Tags":{}}', inferred('spec/aws-observed.md §10 P8: SerializationException is what Coral JSON services (DynamoDB) answer; KMS\'s answer is not recorded'));
