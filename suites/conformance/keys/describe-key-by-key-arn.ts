/**
 * DescribeKey names its key in any of the four forms (aws-observed.md N15, A10; MODEL DescribeKey
 * KeyId: "key ID, key ARN, alias name, or alias ARN"), always answering with the key's metadata.
 */
import { describeBy } from './_describe-key-id-forms.js';

export default describeBy('key-arn', {
  kind: 'documented',
  cite: 'service model: DescribeKeyRequest.KeyId (key ID, key ARN, alias name or alias ARN)',
  verifiedAt: '2026-12-07',
});
