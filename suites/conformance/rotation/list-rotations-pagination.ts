import { defineCase } from '../../../harness/conformance/case.js';
import { allRotations, givenOnDemandRotations, LIST_DOC } from './_support.js';
import { givenKey } from '../_lib/prerequisites.js';
import { documented } from '../_lib/sources.js';

/** Limit / Marker / Truncated / NextMarker (MODEL: "might return fewer" than Limit, never more). */
export default defineCase({
  id: 'rotation.list-rotations-pagination',
  title: 'ListKeyRotations with Limit 1 pages through all three rotations, each exactly once',
  doc: `${LIST_DOC}#KMS-ListKeyRotations-request-Limit`,
  source: documented('service model: ListKeyRotationsRequest.Limit ("might return fewer"), Marker, NextMarker (RotationPeriodInDays, RotateKeyOnDemand, ListKeyRotations: aws-sdk-go-v2 service/kms CHANGELOG v1.31.0, 2024-04-12)', { since: '2024-04-12' }),
  tags: ['rotation'],
  ops: ['CreateKey', 'RotateKeyOnDemand', 'GetKeyRotationStatus', 'ListKeyRotations'],
  timeoutMs: 300_000,
  async run(t) {
    const key = await givenKey(t);
    await givenOnDemandRotations(t, key.KeyId, 3);
    const { entries, pages } = await allRotations(t, key.KeyId, 1);
    t.check(pages.every((n) => n <= 1), 'no page holds more than Limit entries', pages);
    t.expectEqual(entries.length, 3, 'entries over all pages');
    const ids = new Set(entries.map((e) => e.KeyMaterialId ?? `${e.RotationDate?.toISOString()}`));
    t.expectEqual(ids.size, 3, 'distinct rotations over all pages');
  },
});
