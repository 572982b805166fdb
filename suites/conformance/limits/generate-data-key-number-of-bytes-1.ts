import { accepted } from './_data-key-number-of-bytes.js';
import { documented } from '../_lib/sources.js';

export default accepted(1, documented('service model: NumberOfBytesType (1..1024)'));
