import { publicKeyMembersCase } from './_support.js';

export default publicKeyMembersCase('get-public-key-rsa-encryption-members', 'RSA_2048', 'ENCRYPT_DECRYPT', 'rsa', ['modulusLength', 2048], ['asymmetric']);
