import { dataKeyPairCase } from './_support.js';

export default dataKeyPairCase('RSA_2048');
