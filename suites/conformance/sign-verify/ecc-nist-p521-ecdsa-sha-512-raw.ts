import { rawRoundTripCase } from './_support.js';

export default rawRoundTripCase('ECC_NIST_P521', 'ECDSA_SHA_512');
