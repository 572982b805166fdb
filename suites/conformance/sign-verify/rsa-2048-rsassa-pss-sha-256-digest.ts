import { digestCase } from './_support.js';

export default digestCase('RSA_2048', 'RSASSA_PSS_SHA_256');
