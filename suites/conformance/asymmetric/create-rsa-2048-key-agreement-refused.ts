import { usageMismatchCase } from './_support.js';

export default usageMismatchCase('RSA_2048', 'KEY_AGREEMENT', ['asymmetric', 'key-agreement']);
