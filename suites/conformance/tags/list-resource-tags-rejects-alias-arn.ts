/**
 * The tag calls take a key id or key ARN only (MODEL TagResource/UntagResource/ListResourceTags
 * KeyId); an alias, or a key that does not exist, is NotFoundException (wording INFERRED: code only).
 */
import { rejectsAlias } from './_tag-key-id-forms.js';

export default rejectsAlias('ListResourceTags', 'alias-arn');
