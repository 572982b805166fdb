import { rejectsAlias } from './_management-rejects-aliases.js';

export default rejectsAlias('DisableKey', 'alias-arn', {
  kind: 'inferred',
  cite: 'service model: DisableKeyRequest.KeyId ("Specify the key ID or key ARN") and DisableKey errors (NotFoundException, InvalidArnException); AWS\'s code is not recorded: either',
  verifiedAt: '2026-12-07',
});
