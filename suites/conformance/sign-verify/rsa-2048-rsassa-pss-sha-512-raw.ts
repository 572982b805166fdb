import { rawRoundTripCase } from './_support.js';

export default rawRoundTripCase('RSA_2048', 'RSASSA_PSS_SHA_512');
