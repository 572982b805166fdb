import { usageMismatchCase } from './_support.js';

export default usageMismatchCase('ECC_NIST_P384', 'GENERATE_VERIFY_MAC', ['asymmetric']);
