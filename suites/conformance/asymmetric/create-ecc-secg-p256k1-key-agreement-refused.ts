import { usageMismatchCase } from './_support.js';

export default usageMismatchCase('ECC_SECG_P256K1', 'KEY_AGREEMENT', ['asymmetric', 'key-agreement']);
