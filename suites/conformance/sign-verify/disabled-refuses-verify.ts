import { refusedInStateCase, SIGNATURE } from '../_lib/mac-and-signature.js';

export default refusedInStateCase(SIGNATURE, 'Disabled', 'check');
