import { refusedInStateCase, MAC } from '../_lib/mac-and-signature.js';

export default refusedInStateCase(MAC, 'PendingDeletion', 'check');
