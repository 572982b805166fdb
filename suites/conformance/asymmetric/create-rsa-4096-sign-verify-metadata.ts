import { metadataCase } from './_support.js';

export default metadataCase('asymmetric', ['asymmetric', 'sign-verify'], 'RSA_4096', 'SIGN_VERIFY', ['slow']);
