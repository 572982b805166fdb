import { digestCase } from './_support.js';

export default digestCase('RSA_2048', 'RSASSA_PKCS1_V1_5_SHA_256');
