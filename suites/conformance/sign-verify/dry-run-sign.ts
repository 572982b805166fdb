import { dryRunTagCase, SIGNATURE } from '../_lib/mac-and-signature.js';

export default dryRunTagCase(SIGNATURE, 'make');
