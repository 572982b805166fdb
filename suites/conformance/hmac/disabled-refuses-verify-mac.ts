import { VerifyMacCommand } from '@aws-sdk/client-kms';
import { mac, stateRefusal } from '../_lib/asymmetric.js';

export default stateRefusal({
  area: 'hmac',
  tags: ['hmac'],
  state: 'Disabled',
  op: 'verify-mac',
  ops: ['GenerateMac', 'VerifyMac'],
  spec: 'HMAC_256' as never,
  usage: 'GENERATE_VERIFY_MAC',
  prepare: mac('HMAC_SHA_256', (t) => t.bytes(32, 7)),
  call: (t, key, mac) => t.kms.send(new VerifyMacCommand({ KeyId: key.KeyId, Message: t.bytes(32, 7), Mac: mac as Uint8Array, MacAlgorithm: 'HMAC_SHA_256' })),
});
