import { GenerateMacCommand, VerifyMacCommand } from '@aws-sdk/client-kms';
import { dryRunCase } from '../_lib/asymmetric.js';

export default dryRunCase({
  id: 'hmac.dry-run-verify-mac',
  op: 'VerifyMac',
  tags: ['hmac'],
  ops: ['GenerateMac', 'VerifyMac'],
  spec: 'HMAC_384',
  usage: 'GENERATE_VERIFY_MAC',
  call: (t, key) => t.kms.send(new GenerateMacCommand({ KeyId: key.KeyId, Message: t.bytes(32, 7), MacAlgorithm: 'HMAC_SHA_384' })).then((m) => t.kms.send(new VerifyMacCommand({ KeyId: key.KeyId, Message: t.bytes(32, 7), Mac: m.Mac, MacAlgorithm: 'HMAC_SHA_384', DryRun: true }))),
});
