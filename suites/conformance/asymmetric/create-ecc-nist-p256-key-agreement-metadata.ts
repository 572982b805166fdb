import { metadataCase } from './_support.js';

export default metadataCase('asymmetric', ['asymmetric', 'key-agreement'], 'ECC_NIST_P256', 'KEY_AGREEMENT');
