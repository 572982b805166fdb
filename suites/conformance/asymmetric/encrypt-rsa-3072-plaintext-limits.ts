import { rsaLimitsCase } from './_support.js';

export default rsaLimitsCase('RSA_3072');
