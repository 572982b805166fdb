import { recorded } from '../_lib/asymmetric.js';
import { MAC, responseMembersCase } from '../_lib/mac-and-signature.js';

export default responseMembersCase(MAC, 'make', {
  title: 'GenerateMac answers exactly Mac, MacAlgorithm and KeyId (key ARN)',
  source: recorded('spec/aws-observed.md §4.2 (GenerateMac: KeyId (ARN), Mac, MacAlgorithm; LS-SNAP test_import_key_hmac_keys)'),
  key: { spec: 'HMAC_224', alg: 'HMAC_SHA_224' },
  messageBytes: 10,
});
