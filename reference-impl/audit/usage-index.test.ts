import { appendFileSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatAuditLine, type AuditEntry } from './audit-log.js';
import { parseSince, UsageIndex } from './usage-index.js';

const dir = mkdtempSync(join(tmpdir(), 'kmsbench-usage-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const KEY = 'arn:aws:kms:us-east-1:111122223333:key/11111111-2222-4333-8444-555555555555';
const ALICE = 'arn:aws:iam::111122223333:user/alice';
const entry = (t: string, op: string, extra: Partial<AuditEntry> = {}): string =>
  formatAuditLine({ eventTime: t, requestId: 'r', eventName: op, awsRegion: 'us-east-1', principalArn: ALICE, ...extra });

describe('call accounting from the audit log', () => {
  it('counts calls, throttles and other errors per operation, key and principal', () => {
    const log = join(dir, 'a.log');
    writeFileSync(
      log,
      entry('2026-12-07T10:00:00.100Z', 'Encrypt', { resources: [KEY] }) +
        entry('2026-12-07T10:00:00.200Z', 'Encrypt', { resources: [KEY], errorCode: 'ThrottlingException' }) +
        entry('2026-12-07T10:00:01.000Z', 'Decrypt', { resources: [KEY], errorCode: 'InvalidCiphertextException' }) +
        entry('2026-12-07T10:00:02.000Z', 'ListKeys', { principalArn: undefined, errorCode: 'MissingAuthenticationTokenException' }),
    );
    const index = new UsageIndex(log);
    index.refresh();
    const all = index.query();
    expect(all.total).toEqual({ calls: 4, throttled: 1, errors: 2 });
    expect(all.operations).toEqual({
      Encrypt: { calls: 2, throttled: 1, errors: 0 },
      Decrypt: { calls: 1, throttled: 0, errors: 1 },
      ListKeys: { calls: 1, throttled: 0, errors: 1 },
    });
    expect(all.keys[KEY]).toEqual({ calls: 3, throttled: 1, errors: 1, operations: { Encrypt: 2, Decrypt: 1 } });
    expect(all.principals).toEqual({ [ALICE]: { calls: 3, throttled: 1, errors: 1 }, '(unauthenticated)': { calls: 1, throttled: 0, errors: 1 } });
    // since: to the second, rounded down.
    expect(index.query(Date.parse('2026-12-07T10:00:01.500Z')).total.calls).toBe(2);
    expect(index.query(Date.parse('2026-12-07T10:00:03Z')).total.calls).toBe(0);
  });

  it('reads only what was appended, waits for a line’s end, skips torn lines, and starts over when the log was emptied', () => {
    const log = join(dir, 'b.log');
    writeFileSync(log, entry('2026-12-07T10:00:00Z', 'Encrypt'));
    const index = new UsageIndex(log);
    index.refresh();
    const half = entry('2026-12-07T10:00:01Z', 'Decrypt');
    appendFileSync(log, half.slice(0, 20));
    index.refresh();
    expect(index.query().total.calls).toBe(1);
    appendFileSync(log, half.slice(20) + '{"eventTime":"torn\n');
    index.refresh();
    expect(index.query().operations).toEqual({ Encrypt: { calls: 1, throttled: 0, errors: 0 }, Decrypt: { calls: 1, throttled: 0, errors: 0 } });
    truncateSync(log, 0);
    appendFileSync(log, entry('2026-12-07T11:00:00Z', 'GenerateRandom'));
    index.refresh();
    expect(Object.keys(index.query().operations)).toEqual(['GenerateRandom']);
    expect(new UsageIndex(join(dir, 'missing.log')).query().total.calls).toBe(0);
  });

  it('reads since as ISO-8601 or epoch seconds', () => {
    expect(parseSince(null)).toBeUndefined();
    expect(parseSince('1796601600')).toBe(1_796_601_600_000);
    expect(parseSince('2026-12-07T00:00:00Z')).toBe(Date.UTC(2026, 11, 7));
    expect(parseSince('yesterday')).toBeNaN();
  });
});
