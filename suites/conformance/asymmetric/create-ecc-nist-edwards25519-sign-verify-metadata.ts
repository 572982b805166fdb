import { metadataCase } from './_support.js';

export default metadataCase('asymmetric', ['asymmetric', 'sign-verify'], 'ECC_NIST_EDWARDS25519', 'SIGN_VERIFY');
