import { decryptBy } from './_key-id-forms.js';

export default decryptBy('key-id', {
  kind: 'documented',
  cite: 'service model: DecryptRequest.KeyId (key ID, key ARN, alias name or alias ARN); KeyId answered as the key ARN: EX Decrypt (spec/aws-observed.md §4.2)',
  verifiedAt: '2026-12-07',
});
