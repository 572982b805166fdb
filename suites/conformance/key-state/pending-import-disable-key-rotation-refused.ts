import { disableRefused } from './_key-rotation.js';

export default disableRefused('PendingImport', { code: 'UnsupportedOperationException', status: 400 });
