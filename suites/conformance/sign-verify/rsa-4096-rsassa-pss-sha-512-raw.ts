import { rawRoundTripCase } from './_support.js';

export default rawRoundTripCase('RSA_4096', 'RSASSA_PSS_SHA_512');
