import { decryptBy } from './_key-id-forms.js';
import { documented } from '../_lib/sources.js';

export default decryptBy('key-id', documented('service model: DecryptRequest.KeyId (key ID, key ARN, alias name or alias ARN); KeyId answered as the key ARN: EX Decrypt (spec/aws-observed.md §4.2)'));
