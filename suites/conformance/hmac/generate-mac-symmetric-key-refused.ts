import { GenerateMacCommand } from '@aws-sdk/client-kms';
import { recorded, wrongUsageCase } from '../_lib/asymmetric.js';

export default wrongUsageCase({
  id: 'hmac.generate-mac-symmetric-key-refused',
  op: 'GenerateMac',
  keyText: 'with a symmetric encryption key',
  source: recorded('spec/aws-observed.md §9 (GenerateMac on an ENCRYPT_DECRYPT key)'),
  tags: ['hmac'],
  spec: 'SYMMETRIC_DEFAULT',
  usage: 'ENCRYPT_DECRYPT',
  call: (t, key) => t.kms.send(new GenerateMacCommand({ KeyId: key.KeyId, Message: t.bytes(32, 7), MacAlgorithm: 'HMAC_SHA_256' })),
});
