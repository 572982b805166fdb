/**
 * Encrypt takes the key in any of the four forms and always answers KeyId = the key ARN
 * (aws-observed.md A10 LS-TEST test_all_types_of_key_id_can_be_used_for_encryption; §4.2).
 */
import { encryptBy } from './_encrypt-key-id-forms.js';

export default encryptBy('alias-arn', {
  kind: 'recorded',
  cite: 'spec/aws-observed.md §7 A10 (four id forms accepted); KeyId answered as the key ARN: spec/aws-observed.md §4.2',
  verifiedAt: '2026-12-07',
});
