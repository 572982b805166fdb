import { dataKeyPairCase } from './_support.js';

export default dataKeyPairCase('ECC_SECG_P256K1');
