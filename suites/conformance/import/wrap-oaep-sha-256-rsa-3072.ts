import { wrapCase } from './_support.js';

export default wrapCase('RSAES_OAEP_SHA_256', 'RSA_3072');
