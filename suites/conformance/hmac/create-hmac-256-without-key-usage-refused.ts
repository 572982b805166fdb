import { usageRequiredCase } from '../asymmetric/_support.js';

export default usageRequiredCase('hmac', 'HMAC_256', ['hmac']);
