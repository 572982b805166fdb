import { digestLengthCase } from './_support.js';

export default digestLengthCase('ECC_NIST_P256', 'ECDSA_SHA_256', 48);
