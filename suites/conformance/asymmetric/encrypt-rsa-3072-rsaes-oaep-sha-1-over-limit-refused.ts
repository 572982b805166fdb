import { rsaLimitCase } from './_support.js';

export default rsaLimitCase('RSA_3072', 'RSAES_OAEP_SHA_1', true);
