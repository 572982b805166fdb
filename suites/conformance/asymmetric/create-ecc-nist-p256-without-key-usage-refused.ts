import { usageRequiredCase } from './_support.js';

export default usageRequiredCase('asymmetric', 'ECC_NIST_P256', ['asymmetric']);
