import { rejectsAlias } from './_management-rejects-aliases.js';
import { inferred } from '../_lib/sources.js';

export default rejectsAlias('DisableKey', 'alias-arn', inferred('service model: DisableKeyRequest.KeyId ("Specify the key ID or key ARN") and DisableKey errors (NotFoundException, InvalidArnException); AWS\'s code is not recorded: either'));
