import { usageRequiredCase } from './_support.js';

export default usageRequiredCase('asymmetric', 'RSA_2048', ['asymmetric']);
