import { enableRefused } from './_key-rotation.js';

export default enableRefused('Disabled', { code: 'DisabledException', status: 400 });
