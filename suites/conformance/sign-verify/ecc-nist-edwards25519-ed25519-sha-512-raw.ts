import { rawRoundTripCase } from './_support.js';

export default rawRoundTripCase('ECC_NIST_EDWARDS25519', 'ED25519_SHA_512');
