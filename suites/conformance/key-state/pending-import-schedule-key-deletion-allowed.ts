import { allowed } from './_schedule-deletion.js';

export default allowed('PendingImport');
