import { rawRoundTripCase } from './_support.js';

export default rawRoundTripCase('RSA_2048', 'RSASSA_PKCS1_V1_5_SHA_384');
