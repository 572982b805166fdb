/**
 * The tag calls take a key id or key ARN only (MODEL TagResource/UntagResource/ListResourceTags
 * KeyId); an alias, or a key that does not exist, is NotFoundException (wording INFERRED: code only).
 */
import { absentKey } from './_tag-key-id-forms.js';

export default absentKey('ListResourceTags', {
  kind: 'documented',
  cite: 'service model: ListResourceTags errors (NotFoundException)',
  verifiedAt: '2026-12-07',
});
