import { describe, expect, it } from 'vitest';
import type { ConformanceCase } from '../harness/conformance/case.js';
import { lintCase, lintCases, lintSuites } from './lint-suites.js';

const good: ConformanceCase = {
  id: 'keys.describe-key-works',
  title: 'DescribeKey works',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_DescribeKey.html',
  tags: ['semantics'],
  ops: ['DescribeKey'],
  async run() {},
};
const lint = (over: Partial<ConformanceCase> | Record<string, unknown>, file = 'keys/x.ts') =>
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
          { case: good, file: 'keys/a.ts' },
          { case: good, file: 'keys/b.ts' },
        ],
      ),
    ).toEqual([{ file: 'keys/b.ts', id: good.id, message: 'id is also used in keys/a.ts' }]);
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
