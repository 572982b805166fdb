import { metadataCase } from '../asymmetric/_support.js';

export default metadataCase('hmac', ['hmac'], 'HMAC_256', 'GENERATE_VERIFY_MAC');
