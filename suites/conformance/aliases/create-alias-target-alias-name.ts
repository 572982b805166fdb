/** What CreateAlias accepts as TargetKeyId: a key id or key ARN of a key not pending deletion. */
import { aliasAsTarget } from './_create-alias-target.js';

export default aliasAsTarget('alias-name');
