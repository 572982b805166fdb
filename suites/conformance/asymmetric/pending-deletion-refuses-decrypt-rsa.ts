import { refusedInStateCase } from './_support.js';

export default refusedInStateCase('decrypt-rsa', 'PendingDeletion');
