import { metadataCase } from './_support.js';

export default metadataCase('asymmetric', ['asymmetric', 'sign-verify'], 'ECC_SECG_P256K1', 'SIGN_VERIFY');
