import { digestCase } from './_support.js';

export default digestCase('ECC_NIST_P384', 'ECDSA_SHA_384');
