import { dataKeyPairCase } from './_support.js';

export default dataKeyPairCase('ECC_NIST_P521');
