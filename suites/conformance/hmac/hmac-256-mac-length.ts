import { macLengthCase } from './_support.js';

export default macLengthCase('HMAC_256');
