import { serialization } from './_serialization.js';
import { inferred } from '../_lib/sources.js';

export default serialization('list-for-map', 'a list where a map belongs (EncryptionContext: [])', 'Encrypt', '{"KeyId":"alias/aws/s3","Plaintext":"AA==","EncryptionContext":[]}', inferred('spec/aws-observed.md §10 P8: SerializationException is what Coral JSON services (DynamoDB) answer; KMS\'s answer is not recorded'));
