import { rejectsAlias } from './_tag-key-id-forms.js';
import { inferred } from '../_lib/sources.js';

export default rejectsAlias('ListResourceTags', 'alias-arn', inferred('service model: ListResourceTagsRequest.KeyId ("Specify the key ID or key ARN") and ListResourceTags errors (NotFoundException, InvalidArnException); AWS\'s code is not recorded: either'));
