import { rawRoundTripCase } from './_support.js';

export default rawRoundTripCase('ECC_NIST_P384', 'ECDSA_SHA_384');
