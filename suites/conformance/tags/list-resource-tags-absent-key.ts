import { absentKey } from './_tag-key-id-forms.js';
import { documented } from '../_lib/sources.js';

export default absentKey('ListResourceTags', documented('service model: ListResourceTags errors (NotFoundException)'));
