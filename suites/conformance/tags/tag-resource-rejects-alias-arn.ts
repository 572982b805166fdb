/**
 * The tag calls take a key id or key ARN only (MODEL TagResource/UntagResource/ListResourceTags
 * KeyId); an alias, or a key that does not exist, is NotFoundException (wording INFERRED: code only).
 */
import { rejectsAlias } from './_tag-key-id-forms.js';

export default rejectsAlias('TagResource', 'alias-arn', {
  kind: 'inferred',
  cite: 'service model: TagResourceRequest.KeyId ("Specify the key ID or key ARN") and TagResource errors (NotFoundException, InvalidArnException); AWS\'s code is not recorded: either',
  verifiedAt: '2026-12-07',
});
