import { usageMismatchCase } from './_support.js';

export default usageMismatchCase('HMAC_256', 'SIGN_VERIFY', ['asymmetric', 'hmac']);
