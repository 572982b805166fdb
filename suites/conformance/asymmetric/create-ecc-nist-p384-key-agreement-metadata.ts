import { metadataCase } from './_support.js';

export default metadataCase('asymmetric', ['asymmetric', 'key-agreement'], 'ECC_NIST_P384', 'KEY_AGREEMENT');
