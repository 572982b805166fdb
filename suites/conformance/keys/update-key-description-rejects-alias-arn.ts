import { rejectsAlias } from './_management-rejects-aliases.js';
import { inferred } from '../_lib/sources.js';

export default rejectsAlias('UpdateKeyDescription', 'alias-arn', inferred('service model: UpdateKeyDescriptionRequest.KeyId ("Specify the key ID or key ARN") and UpdateKeyDescription errors (NotFoundException, InvalidArnException); AWS\'s code is not recorded: either'));
