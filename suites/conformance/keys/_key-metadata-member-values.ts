/**
 * One case per KeyMetadata member of a new symmetric customer managed key: its JSON type on the
 * wire and its value (aws-observed.md §4.1; EX CreateKey / DescribeKey).
 *
 * Shared by the key metadata member values cases beside it, one case per module. Not a case file: no default export.
 *
 * @module
 */
import { defineCase, type CaseContext, type CaseSource, type ConformanceCase } from '../../../harness/conformance/case.js';
import { createKeyRaw, expectRawOk } from '../_lib/support.js';

export type Check = (t: CaseContext, value: unknown, m: Record<string, unknown>) => void;

export const equals =
  (expected: unknown): Check =>
  (t, value) =>
    t.expectEqual(value, expected, 'value on the wire');

export const kebab = (s: string) => s.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2').toLowerCase();

/** The reply's KeyMetadata, which must be a JSON object (an endpoint answering another shape fails here, not with a TypeError). */
function metadataOf(t: CaseContext, body: { KeyMetadata?: unknown }, op: string): Record<string, unknown> {
  const m = body.KeyMetadata ?? {};
  t.check(typeof m === 'object' && m !== null && !Array.isArray(m), `${op} KeyMetadata is a JSON object`, m);
  return m as Record<string, unknown>;
}

export const memberCase = (member: string, title: string, check: Check, source: CaseSource): ConformanceCase =>
  defineCase({
    id: `keys.key-metadata-${kebab(member)}`,
    title: `KeyMetadata.${member} of a new symmetric key ${title} (CreateKey, DescribeKey)`,
    doc: `https://docs.aws.amazon.com/kms/latest/APIReference/API_KeyMetadata.html#KMS-Type-KeyMetadata-${member}`,
    source,
    tags: ['semantics'],
    ops: ['CreateKey', 'DescribeKey'],
    async run(t) {
      const m = metadataOf(t, expectRawOk<{ KeyMetadata?: unknown }>(t, await createKeyRaw(t), 'CreateKey'), 'CreateKey');
      t.check(member in m, `CreateKey KeyMetadata has ${member}`, Object.keys(m));
      check(t, m[member], m);
      const d = metadataOf(t, expectRawOk<{ KeyMetadata?: unknown }>(t, await t.raw('DescribeKey', { KeyId: m.KeyId }), 'DescribeKey'), 'DescribeKey');
      t.check(member in d, `DescribeKey KeyMetadata has ${member}`, Object.keys(d));
      check(t, d[member], d);
    },
  });
