import { rejectsAlias } from './_management-rejects-aliases.js';

export default rejectsAlias('EnableKey', 'alias-arn', {
  kind: 'inferred',
  cite: 'service model: EnableKeyRequest.KeyId ("Specify the key ID or key ARN") and EnableKey errors (NotFoundException, InvalidArnException); AWS\'s code is not recorded: either',
  verifiedAt: '2026-12-07',
});
