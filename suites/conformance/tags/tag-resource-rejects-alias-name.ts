import { rejectsAlias } from './_tag-key-id-forms.js';
import { inferred } from '../_lib/sources.js';

export default rejectsAlias('TagResource', 'alias-name', inferred('service model: TagResourceRequest.KeyId ("Specify the key ID or key ARN"); NotFoundException as AWS answers other ids that name no key (spec/aws-observed.md §1 N4); not recorded'));
