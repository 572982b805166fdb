import { rawRoundTripCase } from './_support.js';

export default rawRoundTripCase('ECC_SECG_P256K1', 'ECDSA_SHA_256');
