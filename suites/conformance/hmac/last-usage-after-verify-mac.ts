import { settle } from '../_lib/support.js';
import { GenerateMacCommand, GetKeyLastUsageCommand, VerifyMacCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { apiDoc, documented, keyOf } from '../_lib/asymmetric.js';

export default defineCase({
  id: 'hmac.last-usage-after-verify-mac',
  title: 'GetKeyLastUsage after VerifyMac reports Operation VerifyMac',
  doc: apiDoc('GetKeyLastUsage'),
  source: documented('service model: KeyLastUsageTrackingOperation (VerifyMac) and GetKeyLastUsage; eventually consistent, so the case waits for it'),
  tags: ['hmac'],
  ops: ['CreateKey', 'GenerateMac', 'VerifyMac', 'GetKeyLastUsage'],
  async run(t) {
    const key = await keyOf(t, 'HMAC_256', 'GENERATE_VERIFY_MAC');
    const message = t.bytes(10);
    const v = await t.given(
      'GenerateMac then VerifyMac HMAC_SHA_256 (the use to be reported)',
      async () => {
        const made = await t.kms.send(new GenerateMacCommand({ KeyId: key.KeyId, Message: message, MacAlgorithm: 'HMAC_SHA_256' }));
        return t.kms.send(new VerifyMacCommand({ KeyId: key.KeyId, Message: message, Mac: made.Mac, MacAlgorithm: 'HMAC_SHA_256' }));
      },
      { coveredBy: 'hmac.verify-mac-response-members' },
    );
    const out = await settle(() => t.kms.send(new GetKeyLastUsageCommand({ KeyId: key.KeyId })), (o) => o.KeyLastUsage?.Operation === 'VerifyMac');
    t.expectEqual([out.KeyLastUsage?.Operation, out.KeyLastUsage?.KmsRequestId], ['VerifyMac', v.$metadata.requestId], 'Operation and KmsRequestId');
  },
});
