import { describeBy } from './_describe-key-id-forms.js';
import { documented } from '../_lib/sources.js';

export default describeBy('key-arn', documented('service model: DescribeKeyRequest.KeyId (key ID, key ARN, alias name or alias ARN)'));
