import { defineCase } from '../../../harness/conformance/case.js';
import { allRotations, DAY_MS, endpointNow, givenOnDemandRotations, LIST_DOC } from './_support.js';
import { givenKey } from '../_lib/prerequisites.js';
import { documented } from '../_lib/sources.js';

/** MODEL RotationsListEntry: KeyId, RotationDate, RotationType ON_DEMAND for an on-demand rotation. */
export default defineCase({
  id: 'rotation.list-rotations-on-demand-entry',
  title: 'After one RotateKeyOnDemand, ListKeyRotations lists one ON_DEMAND entry dated now',
  doc: `${LIST_DOC}#API_ListKeyRotations_ResponseSyntax`,
  source: documented('service model: RotationsListEntry (RotationType ON_DEMAND) (RotationPeriodInDays, RotateKeyOnDemand, ListKeyRotations: aws-sdk-go-v2 service/kms CHANGELOG v1.31.0, 2024-04-12)', { since: '2024-04-12' }),
  tags: ['rotation'],
  ops: ['CreateKey', 'RotateKeyOnDemand', 'GetKeyRotationStatus', 'ListKeyRotations'],
  timeoutMs: 120_000,
  async run(t) {
    const key = await givenKey(t);
    const local = Date.now();
    await givenOnDemandRotations(t, key.KeyId);
    const { entries } = await allRotations(t, key.KeyId);
    t.expectEqual(entries.length, 1, 'number of entries');
    const e = entries[0]!;
    t.expectEqual(e.RotationType, 'ON_DEMAND', 'RotationType');
    t.check(e.KeyId === key.KeyId || e.KeyId === key.Arn, 'KeyId names the key (id or ARN)', e.KeyId);
    t.check(e.RotationDate instanceof Date && Math.abs(e.RotationDate.getTime() - endpointNow(key, local)) < DAY_MS, 'RotationDate is now', e.RotationDate);
  },
});
