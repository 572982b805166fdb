import { usageMismatchCase } from './_support.js';

export default usageMismatchCase('RSA_2048', 'GENERATE_VERIFY_MAC', ['asymmetric']);
