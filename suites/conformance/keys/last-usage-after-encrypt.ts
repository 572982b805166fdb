import { settle } from '../_lib/support.js';
import { EncryptCommand, GetKeyLastUsageCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { apiDoc, documented } from '../_lib/asymmetric.js';
import { givenKey, TESTED_BY } from '../_lib/prerequisites.js';

export default defineCase({
  id: 'keys.last-usage-after-encrypt',
  title: 'GetKeyLastUsage after Encrypt reports Operation Encrypt, a timestamp, a CloudTrail event id and the KMS request id of that call',
  doc: apiDoc('GetKeyLastUsage'),
  source: documented('service model: KeyLastUsageData (Operation, Timestamp, CloudTrailEventId, KmsRequestId); eventually consistent, so the case waits for it'),
  tags: ['semantics'],
  ops: ['CreateKey', 'Encrypt', 'GetKeyLastUsage'],
  async run(t) {
    const key = await givenKey(t);
    const before = Date.now();
    const e = await t.given('Encrypt with the key (the use to be reported)', () => t.kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: t.bytes(8) })), { coveredBy: TESTED_BY.encrypt });
    const out = await settle(() => t.kms.send(new GetKeyLastUsageCommand({ KeyId: key.KeyId })), (o) => o.KeyLastUsage?.Operation === 'Encrypt');
    const u = out.KeyLastUsage;
    t.expectEqual([u?.Operation, u?.KmsRequestId], ['Encrypt', e.$metadata.requestId], 'Operation and KmsRequestId');
    t.check(typeof u?.CloudTrailEventId === 'string' && u.CloudTrailEventId.length > 0, 'CloudTrailEventId present', u);
    t.check(u?.Timestamp instanceof Date && u.Timestamp.getTime() >= key.CreationDate!.getTime() && u.Timestamp.getTime() <= before + 300_000, 'Timestamp between creation and now', u?.Timestamp);
  },
});
