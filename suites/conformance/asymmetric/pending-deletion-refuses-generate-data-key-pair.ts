import { refusedInStateCase } from './_support.js';

export default refusedInStateCase('generate-data-key-pair', 'PendingDeletion');
