import { metadataCase } from './_support.js';

export default metadataCase('asymmetric', ['asymmetric', 'sign-verify'], 'ECC_NIST_P521', 'SIGN_VERIFY');
