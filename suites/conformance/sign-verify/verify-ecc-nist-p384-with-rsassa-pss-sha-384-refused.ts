import { wrongAlgorithmCase } from './_support.js';

export default wrongAlgorithmCase('ECC_NIST_P384', 'RSASSA_PSS_SHA_384', 'Verify');
