import { rejectsAlias } from './_management-rejects-aliases.js';
import { inferred } from '../_lib/sources.js';

export default rejectsAlias('EnableKey', 'alias-arn', inferred('service model: EnableKeyRequest.KeyId ("Specify the key ID or key ARN") and EnableKey errors (NotFoundException, InvalidArnException); AWS\'s code is not recorded: either'));
