import { metadataCase } from './_support.js';

export default metadataCase('asymmetric', ['asymmetric'], 'RSA_3072', 'ENCRYPT_DECRYPT', ['slow']);
