import { rsaLimitCase } from './_support.js';

export default rsaLimitCase('RSA_4096', 'RSAES_OAEP_SHA_1', false);
