import { publicKeyMembersCase } from './_support.js';

export default publicKeyMembersCase('get-public-key-secp256k1-members', 'ECC_SECG_P256K1', 'SIGN_VERIFY', 'ec', ['namedCurve', 'secp256k1'], ['asymmetric', 'sign-verify']);
