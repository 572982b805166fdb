import { digestLengthCase } from './_support.js';

export default digestLengthCase('RSA_2048', 'RSASSA_PSS_SHA_256', 31);
