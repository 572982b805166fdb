import { dryRunTagCase, MAC } from '../_lib/mac-and-signature.js';

export default dryRunTagCase(MAC, 'make', { spec: 'HMAC_384', alg: 'HMAC_SHA_384' });
