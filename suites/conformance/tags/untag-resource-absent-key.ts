import { absentKey } from './_tag-key-id-forms.js';
import { documented } from '../_lib/sources.js';

export default absentKey('UntagResource', documented('service model: UntagResource errors (NotFoundException)'));
