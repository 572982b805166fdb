import { describeBy } from './_describe-key-id-forms.js';

export default describeBy('key-arn', {
  kind: 'documented',
  cite: 'service model: DescribeKeyRequest.KeyId (key ID, key ARN, alias name or alias ARN)',
  verifiedAt: '2026-12-07',
});
