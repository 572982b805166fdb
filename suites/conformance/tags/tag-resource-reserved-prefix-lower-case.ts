/** TagException rules (aws-observed.md §6.3, recorded on AWS): duplicate keys, reserved aws: prefix. */
import { reservedOnTag } from './_tag-rules.js';

export default reservedOnTag('aws');
