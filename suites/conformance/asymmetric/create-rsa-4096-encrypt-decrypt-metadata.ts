import { metadataCase } from './_support.js';

export default metadataCase('asymmetric', ['asymmetric'], 'RSA_4096', 'ENCRYPT_DECRYPT', ['slow']);
