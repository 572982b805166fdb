import { rejectsAlias } from './_tag-key-id-forms.js';
import { inferred } from '../_lib/sources.js';

export default rejectsAlias('UntagResource', 'alias-arn', inferred('service model: UntagResourceRequest.KeyId ("Specify the key ID or key ARN") and UntagResource errors (NotFoundException, InvalidArnException); AWS\'s code is not recorded: either'));
