import { encryptBy } from './_key-id-forms.js';

export default encryptBy('key-arn', {
  kind: 'recorded',
  cite: 'spec/aws-observed.md §7 A10 (four id forms accepted); KeyId answered as the key ARN: spec/aws-observed.md §4.2',
  verifiedAt: '2026-12-07',
});
