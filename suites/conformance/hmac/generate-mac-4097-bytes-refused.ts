import { GenerateMacCommand } from '@aws-sdk/client-kms';
import { documented, refusalCase, requestDoc } from '../_lib/asymmetric.js';

export default refusalCase({
  id: 'hmac.generate-mac-4097-bytes-refused',
  title: 'GenerateMac of a 4097-byte message is refused with ValidationException (messages up to 4096 bytes)',
  doc: requestDoc('GenerateMac', 'Message'),
  source: documented('service model: GenerateMacRequest.Message ("Specify a message of up to 4,096 bytes")'),
  tags: ['hmac', 'limits'],
  ops: ['GenerateMac'],
  spec: 'HMAC_256',
  usage: 'GENERATE_VERIFY_MAC',
  call: (t, key) => t.kms.send(new GenerateMacCommand({ KeyId: key.KeyId, Message: t.bytes(4097), MacAlgorithm: 'HMAC_SHA_256' })),
  expected: () => ({ code: 'ValidationException', status: 400 }),
});
