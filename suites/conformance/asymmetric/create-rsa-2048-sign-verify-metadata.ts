import { metadataCase } from './_support.js';

export default metadataCase('asymmetric', ['asymmetric', 'sign-verify'], 'RSA_2048', 'SIGN_VERIFY');
