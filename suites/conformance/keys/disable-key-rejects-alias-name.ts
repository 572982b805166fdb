import { rejectsAlias } from './_management-rejects-aliases.js';
import { inferred } from '../_lib/sources.js';

export default rejectsAlias('DisableKey', 'alias-name', inferred('service model: DisableKeyRequest.KeyId ("Specify the key ID or key ARN"); NotFoundException as AWS answers other ids that name no key (spec/aws-observed.md §1 N4); not recorded'));
