import { describe, expect, it } from 'vitest';
import type { ConformanceCase } from '../harness/conformance/case.js';
import { isIsoDate, lintCase, lintCases, lintSource, lintSuites } from './lint-suites.js';

const good: ConformanceCase = {
  id: 'keys.describe-key-works',
  title: 'DescribeKey works',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_DescribeKey.html',
  source: { kind: 'documented', cite: 'service model: DescribeKeyRequest.KeyId', verifiedAt: '2026-12-07' },
  tags: ['semantics'],
  ops: ['DescribeKey'],
  async run() {},
};
const lint = (over: Partial<ConformanceCase> | Record<string, unknown>, file = 'keys/describe-key-works.ts') =>
  lintCase({ ...good, ...over } as ConformanceCase, file);

describe('lint-suites', () => {
  it('accepts a well-formed case', () => {
    expect(lint({})).toEqual([]);
  });

  it('checks ids: <area>.<behaviour>, lower-kebab, starting with the folder', () => {
    expect(lint({ id: 'keys' })).toEqual([expect.stringContaining('not <area>.<behaviour>'), expect.stringContaining("start with its folder's area")]);
    expect(lint({ id: 'keys.Describe_Key' })[0]).toMatch(/lower-kebab/);
    expect(lint({ id: 'keys..x' })[0]).toMatch(/lower-kebab/);
    expect(lint({ id: 'crypto.x' })).toEqual(["id 'crypto.x' must start with its folder's area 'keys.'"]);
    expect(lint({}, 'x.ts')).toEqual(['case module must sit in an area folder: suites/conformance/<area>/']);
    expect(
      lintCases(
        [
          { case: good, file: 'keys/describe-key-works.ts' },
          { case: good, file: 'keys/describe-key-works.ts' },
        ],
      ),
    ).toEqual([{ file: 'keys/describe-key-works.ts', id: good.id, message: 'id is also used in keys/describe-key-works.ts' }]);
  });

  it('wants one case per module, named after its id', () => {
    expect(lint({}, 'keys/describe-key.ts')).toEqual(['case module must be named after its id: keys/describe-key-works.ts (one case per module)']);
    expect(lint({ id: 'keys.other' }, 'keys/describe-key-works.ts')).toEqual([expect.stringContaining('keys/other.ts')]);
  });

  it('rejects a case without a source, with an unknown kind, an empty cite or a bad date', () => {
    const source = good.source;
    expect(lint({ source: undefined })).toEqual(['has no source (kind, cite, verifiedAt)']);
    expect(lint({ source: 'recorded' })).toEqual(['has no source (kind, cite, verifiedAt)']);
    expect(lint({ source: { ...source, kind: 'rumour' } })).toEqual(["source kind 'rumour' is not one of recorded, documented, inferred"]);
    expect(lint({ source: { ...source, cite: '' } })).toEqual(['source cite is empty']);
    expect(lint({ source: { ...source, cite: '   ' } })).toEqual(['source cite is empty']);
    expect(lint({ source: { ...source, verifiedAt: '2026-13-01' } })).toEqual(["source verifiedAt '2026-13-01' is not a YYYY-MM-DD date"]);
    expect(lint({ source: { ...source, verifiedAt: '2025-02-29' } })).toEqual(["source verifiedAt '2025-02-29' is not a YYYY-MM-DD date"]);
    expect(lint({ source: { kind: 'inferred', cite: 'reasoned' } })).toEqual(["source verifiedAt 'undefined' is not a YYYY-MM-DD date"]);
    expect(lint({ source: { ...source, since: '2025' } })).toEqual(["source since '2025' is not a YYYY-MM-DD date"]);
    expect(lint({ source: { ...source, sinse: '2025-06-05' } })).toEqual(['source has unknown members: sinse']);
    expect(lint({ source: { ...source, since: '2025-06-05' } })).toEqual([]);
  });

  it('wants a recorded source to cite its capture and a documented one the docs or the model', () => {
    expect(lintSource({ kind: 'recorded', cite: 'LS-SNAP test_create_key', verifiedAt: '2023-04-13' })).toEqual([
      'a recorded source must cite its capture (spec/aws-observed.md §…)',
    ]);
    expect(lintSource({ kind: 'recorded', cite: 'spec/aws-observed.md §4.1', verifiedAt: '2023-04-13' })).toEqual([]);
    expect(lintSource({ kind: 'documented', cite: 'the developer guide', verifiedAt: '2026-12-07' })).toEqual([
      "a documented source must cite an AWS documentation URL or 'service model: <Shape>.<member>'",
    ]);
    expect(lintSource({ kind: 'documented', cite: 'https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html', verifiedAt: '2026-12-07' })).toEqual([]);
    expect(lintSource({ kind: 'inferred', cite: 'by analogy with V3', verifiedAt: '2026-12-07' })).toEqual([]);
  });

  it('knows a real date from a look-alike', () => {
    expect(['2024-02-29', '2026-12-07'].map(isIsoDate)).toEqual([true, true]);
    expect(['2023-02-29', '2026-12-7', '2026/12/07', 20261207, undefined].map(isIsoDate)).toEqual([false, false, false, false, false]);
  });

  it('checks tags, flags, doc, ops, needs, timeout and the needs-clock flag', () => {
    expect(lint({ tags: [] })).toEqual(['has no tags']);
    expect(lint({ tags: ['semantics', 'crypto'] })).toEqual([expect.stringMatching(/^tag 'crypto' is not one of CASE_TAGS \(semantics, limits, /)]);
    expect(lint({ flags: ['fast'] })).toEqual([expect.stringMatching(/^flag 'fast' is not one of needs-clock, destructive/)]);
    expect(lint({ doc: 'https://example.com/kms' })[0]).toMatch(/not an AWS documentation URL/);
    expect(lint({ doc: 'docs.aws.amazon.com/kms' })[0]).toMatch(/not an AWS documentation URL/);
    expect(lint({ ops: [] })).toEqual(['has no ops (the operations the case calls)']);
    expect(lint({ ops: ['Describe'] })).toEqual(["op 'Describe' is not a KMS operation"]);
    expect(lint({ needs: ['op:CreateGrant', 'clock-control', 'low-quota'] })).toEqual([]);
    expect(lint({ needs: ['op:Nope', 'time'] })).toHaveLength(2);
    expect(lint({ timeoutMs: 0 })).toEqual(['timeoutMs 0 is not a positive integer']);
    expect(lint({ title: 'a\nb' })).toEqual(['title must be one line']);
    const waits = async (t: { advanceClock(d: string): Promise<void> }) => t.advanceClock('8d');
    expect(lint({ run: waits })).toEqual(["calls advanceClock without the 'needs-clock' flag"]);
    expect(lint({ run: waits, flags: ['needs-clock'] })).toEqual([]);
  });

  it('finds no problem in suites/conformance/', async () => {
    const { problems, cases } = await lintSuites();
    expect(problems).toEqual([]);
    expect(cases).toBeGreaterThan(0);
  });
});
