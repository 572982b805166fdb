import { VerifyMacCommand } from '@aws-sdk/client-kms';
import { dryRunCase, mac } from '../_lib/asymmetric.js';

export default dryRunCase({
  id: 'hmac.dry-run-verify-mac',
  op: 'VerifyMac',
  tags: ['hmac'],
  ops: ['GenerateMac', 'VerifyMac'],
  spec: 'HMAC_384',
  usage: 'GENERATE_VERIFY_MAC',
  prepare: mac('HMAC_SHA_384', (t) => t.bytes(32, 7)),
  call: (t, key, m) => t.kms.send(new VerifyMacCommand({ KeyId: key.KeyId, Message: t.bytes(32, 7), Mac: m as Uint8Array, MacAlgorithm: 'HMAC_SHA_384', DryRun: true })),
});
