import { GenerateMacCommand, VerifyMacCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { documented, keyOf, requestDoc } from '../_lib/asymmetric.js';

export default defineCase({
  id: 'hmac.generate-mac-4096-bytes',
  title: 'GenerateMac of a 4096-byte message succeeds and VerifyMac accepts it',
  doc: requestDoc('GenerateMac', 'Message'),
  source: documented('service model: GenerateMacRequest.Message ("up to 4,096 bytes")'),
  tags: ['hmac', 'limits'],
  ops: ['CreateKey', 'GenerateMac', 'VerifyMac'],
  async run(t) {
    const key = await keyOf(t, 'HMAC_256', 'GENERATE_VERIFY_MAC');
    const m = t.bytes(4096);
    const made = await t.kms.send(new GenerateMacCommand({ KeyId: key.KeyId, Message: m, MacAlgorithm: 'HMAC_SHA_256' }));
    const v = await t.kms.send(new VerifyMacCommand({ KeyId: key.KeyId, Message: m, Mac: made.Mac, MacAlgorithm: 'HMAC_SHA_256' }));
    t.expectEqual(v.MacValid, true, 'MacValid');
  },
});
