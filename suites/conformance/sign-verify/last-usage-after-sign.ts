import { settle } from '../_lib/support.js';
import { GetKeyLastUsageCommand, SignCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { apiDoc, documented, keyOf } from '../_lib/asymmetric.js';

export default defineCase({
  id: 'sign-verify.last-usage-after-sign',
  title: 'GetKeyLastUsage after Sign reports Operation Sign with the request id of that call',
  doc: apiDoc('GetKeyLastUsage'),
  source: documented('service model: GetKeyLastUsage, KeyLastUsageData (Operation, Timestamp, CloudTrailEventId, KmsRequestId); eventually consistent, so the case waits for it'),
  tags: ['sign-verify'],
  ops: ['CreateKey', 'Sign', 'GetKeyLastUsage'],
  async run(t) {
    const key = await keyOf(t, 'ECC_NIST_P256', 'SIGN_VERIFY');
    const s = await t.given('Sign ECDSA_SHA_256 signs (the use to be reported)', () => t.kms.send(new SignCommand({ KeyId: key.KeyId, Message: t.bytes(20), SigningAlgorithm: 'ECDSA_SHA_256' })), { coveredBy: 'sign-verify.sign-response-members' });
    const out = await settle(() => t.kms.send(new GetKeyLastUsageCommand({ KeyId: key.KeyId })), (o) => o.KeyLastUsage?.Operation === 'Sign');
    t.expectEqual([out.KeyLastUsage?.Operation, out.KeyLastUsage?.KmsRequestId], ['Sign', s.$metadata.requestId], 'Operation and KmsRequestId');
  },
});
