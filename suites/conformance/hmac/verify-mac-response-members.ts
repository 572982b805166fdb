import { recorded } from '../_lib/asymmetric.js';
import { MAC, responseMembersCase } from '../_lib/mac-and-signature.js';

export default responseMembersCase(MAC, 'check', {
  title: 'VerifyMac of a valid MAC answers exactly KeyId (key ARN), MacValid true and MacAlgorithm',
  source: recorded('spec/aws-observed.md §4.2 (VerifyMac: KeyId (ARN), MacValid true, MacAlgorithm)'),
  key: { spec: 'HMAC_512', alg: 'HMAC_SHA_512' },
  messageBytes: 10,
});
