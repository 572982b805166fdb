import { disableRefused } from './_key-rotation.js';

export default disableRefused('PendingDeletion', { code: 'KMSInvalidStateException', status: 400 });
