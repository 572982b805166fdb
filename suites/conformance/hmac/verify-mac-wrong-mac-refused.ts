import { VerifyMacCommand } from '@aws-sdk/client-kms';
import { errorsDoc, mac, recorded, refusalCase } from '../_lib/asymmetric.js';

export default refusalCase({
  id: 'hmac.verify-mac-wrong-mac-refused',
  title: 'VerifyMac of a MAC that does not match is refused with KMSInvalidMacException and no message',
  doc: errorsDoc('VerifyMac'),
  source: recorded('spec/aws-observed.md §9 (VerifyMac wrong MAC: KMSInvalidMacException, no message)'),
  tags: ['hmac'],
  ops: ['GenerateMac', 'VerifyMac'],
  spec: 'HMAC_256',
  usage: 'GENERATE_VERIFY_MAC',
  prepare: mac('HMAC_SHA_256', (t) => t.bytes(32, 7)),
  call: (t, key, m) => {
    const bad = Buffer.from(m as Uint8Array);
    bad[0]! ^= 1;
    return t.kms.send(new VerifyMacCommand({ KeyId: key.KeyId, Message: t.bytes(32, 7), Mac: bad, MacAlgorithm: 'HMAC_SHA_256' }));
  },
  expected: () => ({ code: 'KMSInvalidMacException', status: 400, message: null }),
});
