import { rsaLimitCase } from './_support.js';

export default rsaLimitCase('RSA_2048', 'RSAES_OAEP_SHA_1', true);
