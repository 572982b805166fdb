import { GenerateMacCommand } from '@aws-sdk/client-kms';
import { incompatible, recorded, refusalCase, requestDoc } from '../_lib/asymmetric.js';

export default refusalCase({
  id: 'hmac.generate-mac-wrong-algorithm-refused',
  title: 'GenerateMac with an HMAC_224 key and HMAC_SHA_256 is refused: "Algorithm HMAC_SHA_256 is incompatible with key spec HMAC_224."',
  doc: requestDoc('GenerateMac', 'MacAlgorithm'),
  source: recorded('spec/aws-observed.md §9 (GenerateMac HMAC_224 key with HMAC_SHA_256)'),
  tags: ['hmac'],
  ops: ['GenerateMac'],
  spec: 'HMAC_224',
  usage: 'GENERATE_VERIFY_MAC',
  call: (t, key) => t.kms.send(new GenerateMacCommand({ KeyId: key.KeyId, Message: t.bytes(32, 7), MacAlgorithm: 'HMAC_SHA_256' })),
  expected: () => incompatible('HMAC_SHA_256', 'HMAC_224'),
});
