import { VerifyMacCommand } from '@aws-sdk/client-kms';
import { documented, errorsDoc, mac, refusalCase } from '../_lib/asymmetric.js';

export default refusalCase({
  id: 'hmac.verify-mac-truncated-mac-refused',
  title: 'VerifyMac of the first 16 bytes of a valid MAC is refused with KMSInvalidMacException',
  doc: errorsDoc('VerifyMac'),
  source: documented('service model: KMSInvalidMacException ("the HMAC verification failed"); a truncated tag is not the HMAC_SHA_256 tag (RFC 2104)'),
  tags: ['hmac'],
  ops: ['GenerateMac', 'VerifyMac'],
  spec: 'HMAC_256',
  usage: 'GENERATE_VERIFY_MAC',
  prepare: mac('HMAC_SHA_256', (t) => t.bytes(32, 7)),
  call: (t, key, m) => t.kms.send(new VerifyMacCommand({ KeyId: key.KeyId, Message: t.bytes(32, 7), Mac: (m as Uint8Array).subarray(0, 16), MacAlgorithm: 'HMAC_SHA_256' })),
  expected: () => ({ code: 'KMSInvalidMacException', status: 400 }),
});
