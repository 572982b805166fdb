import { digestLengthCase } from './_support.js';

export default digestLengthCase('RSA_2048', 'RSASSA_PKCS1_V1_5_SHA_512', 32);
