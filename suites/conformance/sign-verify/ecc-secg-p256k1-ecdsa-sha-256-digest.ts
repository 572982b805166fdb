import { digestCase } from './_support.js';

export default digestCase('ECC_SECG_P256K1', 'ECDSA_SHA_256');
