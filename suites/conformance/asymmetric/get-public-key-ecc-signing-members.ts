import { publicKeyMembersCase } from './_support.js';

export default publicKeyMembersCase('get-public-key-ecc-signing-members', 'ECC_NIST_P256', 'SIGN_VERIFY', 'ec', ['namedCurve', 'prime256v1'], ['asymmetric', 'sign-verify']);
