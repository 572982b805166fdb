import { rawRoundTripCase } from './_support.js';

export default rawRoundTripCase('RSA_3072', 'RSASSA_PKCS1_V1_5_SHA_384');
