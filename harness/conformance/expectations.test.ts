import { describe, expect, it } from 'vitest';
import { OUTCOMES } from '../results/conformance-contract.js';
import { asExpected, compare, parseExpectations, REASON_TODO, staleEntries, updateExpectations } from './expectations.js';

describe('expectation files', () => {
  it('parse, with the reason required', () => {
    const f = parseExpectations('{"target":"x","cases":{"a.b":{"expect":"fail","reason":"because"}}}');
    expect(f.cases['a.b']).toEqual({ expect: 'fail', reason: 'because' });
    expect(() => parseExpectations('{"target":"x","cases":{"a.b":{"expect":"fail"}}}')).toThrow(/cases\.a\.b\.reason/);
    expect(() => parseExpectations('{"target":"x","cases":{"a.b":{"expect":"pass","reason":"r"}}}')).toThrow(/expect/);
    expect(() => parseExpectations('{"target":"x","cases":{},"extra":1}')).toThrow(/extra/);
    expect(() => parseExpectations('{nope', 'f.json')).toThrow(/^f\.json: not JSON/);
  });

  it('accept: unlisted → pass or skip; flaky → pass or fail; otherwise exactly', () => {
    const table: Array<[Parameters<typeof asExpected>[0], string[]]> = [
      ['pass', ['pass', 'skip']],
      ['fail', ['fail']],
      ['error', ['error']],
      ['skip', ['skip']],
      ['flaky', ['pass', 'fail']],
      ['blocked', ['blocked']],
      ['unsupported', ['unsupported']],
    ];
    for (const [expected, ok] of table) {
      for (const actual of OUTCOMES) expect(asExpected(expected, actual), `${expected}/${actual}`).toBe(ok.includes(actual));
    }
  });

  it('compare reports new failures and newly passing cases; entries naming no case are stale, not differences', () => {
    const file = parseExpectations(
      JSON.stringify({
        target: 't',
        cases: { 'a.known': { expect: 'fail', reason: 'r1' }, 'a.fixed': { expect: 'fail', reason: 'r2' }, 'a.gone': { expect: 'error', reason: 'r3' } },
      }),
    );
    const diffs = compare(
      [
        { id: 'a.known', outcome: 'fail' },
        { id: 'a.fixed', outcome: 'pass' },
        { id: 'a.new', outcome: 'error', reason: 'TypeError' },
        { id: 'a.ok', outcome: 'skip' },
      ],
      file,
    );
    expect(diffs).toEqual([
      { id: 'a.fixed', expected: 'fail', actual: 'pass', message: 'now passes: remove it from the expectation file (listed because: r2)' },
      { id: 'a.new', expected: 'pass', actual: 'error', message: 'new error: TypeError' },
    ]);
    expect(staleEntries(file, new Set(['a.known', 'a.fixed', 'a.new', 'a.ok']))).toEqual(['a.gone']);
  });

  it('update: lists what did not pass (keeping reasons), drops what passes and stale ids, leaves unselected cases alone', () => {
    const file = parseExpectations(
      JSON.stringify({
        target: 't',
        cases: {
          'a.known': { expect: 'fail', reason: 'r1' },
          'a.fixed': { expect: 'fail', reason: 'r2' },
          'a.gone': { expect: 'error', reason: 'r3' },
          'a.now-errors': { expect: 'fail', reason: 'r4' },
          'a.flaky': { expect: 'flaky', reason: 'r5' },
          'a.not-run': { expect: 'fail', reason: 'r6' },
        },
      }),
    );
    const u = updateExpectations(
      file,
      [
        { id: 'a.known', outcome: 'fail' },
        { id: 'a.fixed', outcome: 'pass' },
        { id: 'a.now-errors', outcome: 'error' },
        { id: 'a.flaky', outcome: 'pass' },
        { id: 'a.new', outcome: 'fail', reason: 'Encrypt was refused' },
        { id: 'a.skipped', outcome: 'skip' },
        { id: 'a.cascade', outcome: 'blocked', reason: 'CreateKey Origin=EXTERNAL gives a PendingImport key — KeyState differs' },
        { id: 'a.missing-op', outcome: 'unsupported', reason: 'the endpoint does not implement ListKeyRotations' },
      ],
      new Set(['a.known', 'a.fixed', 'a.now-errors', 'a.flaky', 'a.new', 'a.skipped', 'a.not-run', 'a.cascade', 'a.missing-op']),
    );
    expect(u.file.cases).toEqual({
      'a.cascade': { expect: 'blocked', reason: `${REASON_TODO} (verdict: CreateKey Origin=EXTERNAL gives a PendingImport key — KeyState differs)` },
      'a.flaky': { expect: 'flaky', reason: 'r5' },
      'a.known': { expect: 'fail', reason: 'r1' },
      'a.missing-op': { expect: 'unsupported', reason: `${REASON_TODO} (verdict: the endpoint does not implement ListKeyRotations)` },
      'a.new': { expect: 'fail', reason: `${REASON_TODO} (verdict: Encrypt was refused)` },
      'a.not-run': { expect: 'fail', reason: 'r6' },
      'a.now-errors': { expect: 'error', reason: 'r4' },
    });
    expect([u.added, u.removed, u.changed]).toEqual([['a.cascade', 'a.missing-op', 'a.new'], ['a.fixed', 'a.gone'], ['a.now-errors']]);
  });
});
