import { digestCase } from './_support.js';

export default digestCase('ECC_NIST_EDWARDS25519', 'ED25519_PH_SHA_512');
