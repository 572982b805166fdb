/** TagException rules (aws-observed.md §6.3, recorded on AWS): duplicate keys, reserved aws: prefix. */
import { reservedOnCreate } from './_tag-rules.js';

export default reservedOnCreate('AWS');
