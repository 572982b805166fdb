import { digestCase } from './_support.js';

export default digestCase('ECC_NIST_P521', 'ECDSA_SHA_512');
