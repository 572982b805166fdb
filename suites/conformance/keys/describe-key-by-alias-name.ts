import { describeBy } from './_describe-key-id-forms.js';
import { documented } from '../_lib/sources.js';

export default describeBy('alias-name', documented('service model: DescribeKeyRequest.KeyId (key ID, key ARN, alias name or alias ARN); spec/aws-observed.md §7 A10'));
