import { usageMismatchCase } from './_support.js';

export default usageMismatchCase('HMAC_256', 'ENCRYPT_DECRYPT', ['asymmetric', 'hmac']);
