import { GenerateMacCommand } from '@aws-sdk/client-kms';
import { stateRefusal } from '../_lib/asymmetric.js';

export default stateRefusal({
  area: 'hmac',
  tags: ['hmac'],
  state: 'Disabled',
  op: 'generate-mac',
  ops: ['GenerateMac'],
  spec: 'HMAC_256' as never,
  usage: 'GENERATE_VERIFY_MAC',
  call: (t, key) => t.kms.send(new GenerateMacCommand({ KeyId: key.KeyId, Message: t.bytes(32, 7), MacAlgorithm: 'HMAC_SHA_256' })),
});
