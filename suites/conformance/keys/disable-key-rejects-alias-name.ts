/**
 * Key management calls take a key id or key ARN only (MODEL: "Specify the key ID or key ARN of
 * the KMS key"); an alias name or alias ARN there is refused with NotFoundException and the key
 * is left alone. AWS's message for this is not recorded (INFERRED from N4), so only the code is checked.
 */
import { rejectsAlias } from './_management-rejects-aliases.js';

export default rejectsAlias('DisableKey', 'alias-name', {
  kind: 'inferred',
  cite: 'service model: DisableKeyRequest.KeyId ("Specify the key ID or key ARN"); NotFoundException as AWS answers other ids that name no key (spec/aws-observed.md §1 N4); not recorded',
  verifiedAt: '2026-12-07',
});
