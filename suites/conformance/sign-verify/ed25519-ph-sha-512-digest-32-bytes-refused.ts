import { digestLengthCase } from './_support.js';

export default digestLengthCase('ECC_NIST_EDWARDS25519', 'ED25519_PH_SHA_512', 32);
