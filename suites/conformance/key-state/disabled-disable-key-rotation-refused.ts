import { disableRefused } from './_key-rotation.js';

export default disableRefused('Disabled', { code: 'DisabledException', status: 400 });
