import { refused } from './_cancel-deletion.js';

export default refused('PendingImport');
