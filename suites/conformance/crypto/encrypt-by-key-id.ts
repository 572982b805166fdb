import { encryptBy } from './_key-id-forms.js';
import { recorded } from '../_lib/sources.js';

export default encryptBy('key-id', recorded('spec/aws-observed.md §7 A10 (four id forms accepted); KeyId answered as the key ARN: spec/aws-observed.md §4.2'));
