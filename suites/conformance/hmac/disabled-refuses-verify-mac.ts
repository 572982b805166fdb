import { GenerateMacCommand, VerifyMacCommand } from '@aws-sdk/client-kms';
import { stateRefusal } from '../_lib/asymmetric.js';

export default stateRefusal({
  area: 'hmac',
  tags: ['hmac'],
  state: 'Disabled',
  op: 'verify-mac',
  ops: ['GenerateMac', 'VerifyMac'],
  spec: 'HMAC_256' as never,
  usage: 'GENERATE_VERIFY_MAC',
  prepare: async (t, key) => (await t.kms.send(new GenerateMacCommand({ KeyId: key.KeyId, Message: t.bytes(32, 7), MacAlgorithm: 'HMAC_SHA_256' }))).Mac,
  call: (t, key, mac) => t.kms.send(new VerifyMacCommand({ KeyId: key.KeyId, Message: t.bytes(32, 7), Mac: mac as Uint8Array, MacAlgorithm: 'HMAC_SHA_256' })),
});
