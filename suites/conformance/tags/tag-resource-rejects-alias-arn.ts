import { rejectsAlias } from './_tag-key-id-forms.js';

export default rejectsAlias('TagResource', 'alias-arn', {
  kind: 'inferred',
  cite: 'service model: TagResourceRequest.KeyId ("Specify the key ID or key ARN") and TagResource errors (NotFoundException, InvalidArnException); AWS\'s code is not recorded: either',
  verifiedAt: '2026-12-07',
});
