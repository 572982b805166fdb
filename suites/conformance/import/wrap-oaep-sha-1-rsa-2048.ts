import { wrapCase } from './_support.js';

export default wrapCase('RSAES_OAEP_SHA_1', 'RSA_2048');
