import { rejectsAlias } from './_management-rejects-aliases.js';

export default rejectsAlias('UpdateKeyDescription', 'alias-arn', {
  kind: 'inferred',
  cite: 'service model: UpdateKeyDescriptionRequest.KeyId ("Specify the key ID or key ARN") and UpdateKeyDescription errors (NotFoundException, InvalidArnException); AWS\'s code is not recorded: either',
  verifiedAt: '2026-12-07',
});
