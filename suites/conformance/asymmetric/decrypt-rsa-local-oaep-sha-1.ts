import { localOaepCase } from './_support.js';

export default localOaepCase('RSAES_OAEP_SHA_1');
