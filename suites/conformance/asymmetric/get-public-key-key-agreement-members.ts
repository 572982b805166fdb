import { publicKeyMembersCase } from './_support.js';

export default publicKeyMembersCase('get-public-key-key-agreement-members', 'ECC_NIST_P521', 'KEY_AGREEMENT', 'ec', ['namedCurve', 'secp521r1'], ['asymmetric', 'key-agreement']);
