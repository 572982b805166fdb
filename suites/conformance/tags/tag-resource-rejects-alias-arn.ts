import { rejectsAlias } from './_tag-key-id-forms.js';
import { inferred } from '../_lib/sources.js';

export default rejectsAlias('TagResource', 'alias-arn', inferred('service model: TagResourceRequest.KeyId ("Specify the key ID or key ARN") and TagResource errors (NotFoundException, InvalidArnException); AWS\'s code is not recorded: either'));
