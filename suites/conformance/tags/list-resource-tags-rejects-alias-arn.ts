import { rejectsAlias } from './_tag-key-id-forms.js';

export default rejectsAlias('ListResourceTags', 'alias-arn', {
  kind: 'inferred',
  cite: 'service model: ListResourceTagsRequest.KeyId ("Specify the key ID or key ARN") and ListResourceTags errors (NotFoundException, InvalidArnException); AWS\'s code is not recorded: either',
  verifiedAt: '2026-12-07',
});
