import { VerifyMacCommand } from '@aws-sdk/client-kms';
import { incompatible, inferred, refusalCase, requestDoc } from '../_lib/asymmetric.js';

export default refusalCase({
  id: 'hmac.verify-mac-wrong-algorithm-refused',
  title: 'VerifyMac with an HMAC_512 key and HMAC_SHA_384 is refused: "Algorithm HMAC_SHA_384 is incompatible with key spec HMAC_512."',
  doc: requestDoc('VerifyMac', 'MacAlgorithm'),
  source: inferred('spec/aws-observed.md §9 wording, recorded for GenerateMac, applied to VerifyMac'),
  tags: ['hmac'],
  ops: ['VerifyMac'],
  spec: 'HMAC_512',
  usage: 'GENERATE_VERIFY_MAC',
  call: (t, key) => t.kms.send(new VerifyMacCommand({ KeyId: key.KeyId, Message: t.bytes(32, 7), Mac: t.bytes(48), MacAlgorithm: 'HMAC_SHA_384' })),
  expected: () => incompatible('HMAC_SHA_384', 'HMAC_512'),
});
