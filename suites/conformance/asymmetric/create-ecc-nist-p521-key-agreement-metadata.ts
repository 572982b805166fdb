import { metadataCase } from './_support.js';

export default metadataCase('asymmetric', ['asymmetric', 'key-agreement'], 'ECC_NIST_P521', 'KEY_AGREEMENT');
