import { wrongAlgorithmCase } from './_support.js';

export default wrongAlgorithmCase('ECC_NIST_P256', 'ECDSA_SHA_512', 'Sign');
