import { absentKey } from './_tag-key-id-forms.js';
import { documented } from '../_lib/sources.js';

export default absentKey('TagResource', documented('service model: TagResource errors (NotFoundException)'));
