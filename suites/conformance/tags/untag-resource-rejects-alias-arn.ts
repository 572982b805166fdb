import { rejectsAlias } from './_tag-key-id-forms.js';

export default rejectsAlias('UntagResource', 'alias-arn', {
  kind: 'inferred',
  cite: 'service model: UntagResourceRequest.KeyId ("Specify the key ID or key ARN") and UntagResource errors (NotFoundException, InvalidArnException); AWS\'s code is not recorded: either',
  verifiedAt: '2026-12-07',
});
