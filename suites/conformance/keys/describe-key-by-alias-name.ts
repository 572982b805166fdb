import { describeBy } from './_describe-key-id-forms.js';

export default describeBy('alias-name', {
  kind: 'documented',
  cite: 'service model: DescribeKeyRequest.KeyId (key ID, key ARN, alias name or alias ARN); spec/aws-observed.md §7 A10',
  verifiedAt: '2026-12-07',
});
