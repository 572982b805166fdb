import { rawRoundTripCase } from './_support.js';

export default rawRoundTripCase('ECC_NIST_P256', 'ECDSA_SHA_256');
