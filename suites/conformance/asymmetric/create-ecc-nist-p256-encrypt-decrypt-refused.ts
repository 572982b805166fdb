import { usageMismatchCase } from './_support.js';

export default usageMismatchCase('ECC_NIST_P256', 'ENCRYPT_DECRYPT', ['asymmetric']);
