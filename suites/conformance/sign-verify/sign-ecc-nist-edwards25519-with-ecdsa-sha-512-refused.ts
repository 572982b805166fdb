import { wrongAlgorithmCase } from './_support.js';

export default wrongAlgorithmCase('ECC_NIST_EDWARDS25519', 'ECDSA_SHA_512', 'Sign');
