import { macRoundTripCase } from './_support.js';

export default macRoundTripCase('HMAC_384');
