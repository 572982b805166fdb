import { enableRefused } from './_key-rotation.js';

export default enableRefused('PendingDeletion', { code: 'KMSInvalidStateException', status: 400 });
