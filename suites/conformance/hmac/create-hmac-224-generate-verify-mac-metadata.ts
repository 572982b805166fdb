import { metadataCase } from '../asymmetric/_support.js';

export default metadataCase('hmac', ['hmac'], 'HMAC_224', 'GENERATE_VERIFY_MAC');
