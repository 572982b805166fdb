import { publicKeyMembersCase } from './_support.js';

export default publicKeyMembersCase('get-public-key-ed25519-members', 'ECC_NIST_EDWARDS25519', 'SIGN_VERIFY', 'ed25519', undefined, ['asymmetric', 'sign-verify']);
