import { metadataCase } from './_support.js';

export default metadataCase('asymmetric', ['asymmetric'], 'RSA_2048', 'ENCRYPT_DECRYPT');
