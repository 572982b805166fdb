import { VerifyMacCommand } from '@aws-sdk/client-kms';
import { documented, errorsDoc, mac, refusalCase } from '../_lib/asymmetric.js';

export default refusalCase({
  id: 'hmac.verify-mac-other-message-refused',
  title: 'VerifyMac of a valid MAC over another message is refused with KMSInvalidMacException',
  doc: errorsDoc('VerifyMac'),
  source: documented('service model: VerifyMac ("verifies the hash-based message authentication code (HMAC) for a specified message"), KMSInvalidMacException'),
  tags: ['hmac'],
  ops: ['GenerateMac', 'VerifyMac'],
  spec: 'HMAC_384',
  usage: 'GENERATE_VERIFY_MAC',
  prepare: mac('HMAC_SHA_384', (t) => t.bytes(32, 1)),
  call: (t, key, m) => t.kms.send(new VerifyMacCommand({ KeyId: key.KeyId, Message: t.bytes(32, 2), Mac: m as Uint8Array, MacAlgorithm: 'HMAC_SHA_384' })),
  expected: () => ({ code: 'KMSInvalidMacException', status: 400 }),
});
