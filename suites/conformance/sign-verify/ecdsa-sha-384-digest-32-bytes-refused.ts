import { digestLengthCase } from './_support.js';

export default digestLengthCase('ECC_NIST_P384', 'ECDSA_SHA_384', 32);
