import { GenerateMacCommand } from '@aws-sdk/client-kms';
import { errorsDoc, recorded, refusalCase, wrongUsage } from '../_lib/asymmetric.js';

export default refusalCase({
  id: 'hmac.generate-mac-symmetric-key-refused',
  title: 'GenerateMac with a symmetric encryption key is refused: "<arn> key usage is ENCRYPT_DECRYPT which is not valid for GenerateMac."',
  doc: errorsDoc('GenerateMac'),
  source: recorded('spec/aws-observed.md §9 (GenerateMac on an ENCRYPT_DECRYPT key)'),
  tags: ['hmac'],
  ops: ['GenerateMac'],
  spec: 'SYMMETRIC_DEFAULT',
  usage: 'ENCRYPT_DECRYPT',
  call: (t, key) => t.kms.send(new GenerateMacCommand({ KeyId: key.KeyId, Message: t.bytes(32, 7), MacAlgorithm: 'HMAC_SHA_256' })),
  expected: (key) => wrongUsage(key.Arn, 'ENCRYPT_DECRYPT', 'GenerateMac'),
});
