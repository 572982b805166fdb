import { recorded } from '../_lib/asymmetric.js';
import { checkedMembersCase, MAC } from '../_lib/mac-and-signature.js';

export default checkedMembersCase(MAC, {
  title: 'VerifyMac of a valid MAC answers exactly KeyId (key ARN), MacValid true and MacAlgorithm',
  source: recorded('spec/aws-observed.md §4.2 (VerifyMac: KeyId (ARN), MacValid true, MacAlgorithm)'),
  key: { spec: 'HMAC_512', alg: 'HMAC_SHA_512' },
  messageBytes: 10,
});
