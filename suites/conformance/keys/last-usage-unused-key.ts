import { GetKeyLastUsageCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { apiDoc, documented } from '../_lib/asymmetric.js';
import { givenKey } from '../_lib/prerequisites.js';

export default defineCase({
  id: 'keys.last-usage-unused-key',
  title: 'GetKeyLastUsage of a key never used answers KeyId, KeyCreationDate and TrackingStartDate (not before creation) and no KeyLastUsage',
  doc: apiDoc('GetKeyLastUsage'),
  source: documented('service model: GetKeyLastUsage ("If the KeyLastUsage response element is empty and KeyCreationDate is on or after TrackingStartDate, the key has not been used"), GetKeyLastUsageResponse.TrackingStartDate ("or the date the KMS key was created, whichever is later")'),
  tags: ['semantics'],
  ops: ['CreateKey', 'GetKeyLastUsage'],
  async run(t) {
    const key = await givenKey(t);
    const out = await t.kms.send(new GetKeyLastUsageCommand({ KeyId: key.KeyId }));
    t.check(out.KeyLastUsage?.Operation === undefined, 'no KeyLastUsage for a key never used', out.KeyLastUsage);
    t.check(out.KeyId === key.KeyId || out.KeyId === key.Arn, 'KeyId identifies the key', out.KeyId);
    t.expectEqual(out.KeyCreationDate?.getTime(), key.CreationDate?.getTime(), 'KeyCreationDate equals CreationDate');
    t.check(out.TrackingStartDate !== undefined && out.TrackingStartDate.getTime() >= key.CreationDate!.getTime(), 'TrackingStartDate is not before the key was created', out.TrackingStartDate);
  },
});
