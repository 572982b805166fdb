import { metadataCase } from './_support.js';

export default metadataCase('asymmetric', ['asymmetric', 'sign-verify'], 'RSA_3072', 'SIGN_VERIFY', ['slow']);
