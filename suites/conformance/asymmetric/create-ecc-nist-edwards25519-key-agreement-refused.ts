import { usageMismatchCase } from './_support.js';

export default usageMismatchCase('ECC_NIST_EDWARDS25519', 'KEY_AGREEMENT', ['asymmetric', 'key-agreement']);
