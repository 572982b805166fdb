import { enableRefused } from './_key-rotation.js';

export default enableRefused('PendingImport', { code: 'UnsupportedOperationException', status: 400 });
