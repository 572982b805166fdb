import { refusedInStateCase } from './_support.js';

export default refusedInStateCase('get-public-key', 'PendingDeletion');
