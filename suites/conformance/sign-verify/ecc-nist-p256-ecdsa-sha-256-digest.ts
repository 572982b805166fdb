import { digestCase } from './_support.js';

export default digestCase('ECC_NIST_P256', 'ECDSA_SHA_256');
