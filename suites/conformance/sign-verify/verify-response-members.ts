import { recorded } from '../_lib/asymmetric.js';
import { responseMembersCase, SIGNATURE } from '../_lib/mac-and-signature.js';

export default responseMembersCase(SIGNATURE, 'check', {
  title: 'Verify of a valid signature answers exactly KeyId (key ARN), SignatureValid true and SigningAlgorithm',
  source: recorded('spec/aws-observed.md §4.2 (Verify: KeyId (ARN), SignatureValid true, SigningAlgorithm)'),
  key: { spec: 'RSA_2048', alg: 'RSASSA_PKCS1_V1_5_SHA_256' },
  messageBytes: 20,
});
