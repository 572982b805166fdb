import { accepted } from './_encrypt-plaintext-length.js';
import { documented } from '../_lib/sources.js';

export default accepted(1, documented('service model: PlaintextType (1..4096)'));
