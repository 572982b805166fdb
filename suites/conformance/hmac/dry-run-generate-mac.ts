import { GenerateMacCommand } from '@aws-sdk/client-kms';
import { dryRunCase } from '../_lib/asymmetric.js';

export default dryRunCase({
  id: 'hmac.dry-run-generate-mac',
  op: 'GenerateMac',
  tags: ['hmac'],
  ops: ['GenerateMac'],
  spec: 'HMAC_384',
  usage: 'GENERATE_VERIFY_MAC',
  call: (t, key) => t.kms.send(new GenerateMacCommand({ KeyId: key.KeyId, Message: t.bytes(32, 7), MacAlgorithm: 'HMAC_SHA_384', DryRun: true })),
});
