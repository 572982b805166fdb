import { putAllowed } from './_key-policy.js';

export default putAllowed('PendingImport');
