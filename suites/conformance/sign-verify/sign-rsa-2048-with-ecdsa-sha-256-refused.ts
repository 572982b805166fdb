import { wrongAlgorithmCase } from './_support.js';

export default wrongAlgorithmCase('RSA_2048', 'ECDSA_SHA_256', 'Sign');
