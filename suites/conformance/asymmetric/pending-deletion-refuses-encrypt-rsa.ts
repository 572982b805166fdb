import { refusedInStateCase } from './_support.js';

export default refusedInStateCase('encrypt-rsa', 'PendingDeletion');
