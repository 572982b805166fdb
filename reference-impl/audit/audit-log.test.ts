import fc from 'fast-check';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AuditLog, formatAuditLine, isoTime, type AuditEntry } from './audit-log.js';

const entry = fc.record(
  {
    eventTime: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
    requestId: fc.uuid(),
    eventName: fc.string(),
    awsRegion: fc.string(),
    recipientAccountId: fc.string(),
    principalArn: fc.string({ unit: 'binary' }),
    accessKeyId: fc.string(),
    sourceIPAddress: fc.string(),
    userAgent: fc.string({ unit: 'binary', maxLength: 400 }),
    resources: fc.array(fc.string({ unit: 'binary' }), { maxLength: 3 }),
    encryptionContext: fc.dictionary(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' })),
    errorCode: fc.string(),
    durationMs: fc.double({ noNaN: true, noDefaultInfinity: true }),
  },
  { requiredKeys: ['eventTime', 'requestId', 'eventName', 'awsRegion'] },
);

describe('formatAuditLine', () => {
  it('is one JSON line equal to JSON.stringify of the entry', () => {
    fc.assert(
      fc.property(entry, (e) => {
        const line = formatAuditLine(e as AuditEntry);
        expect(line.endsWith('\n')).toBe(true);
        expect(line.slice(0, -1)).not.toContain('\n');
        expect(JSON.parse(line)).toEqual(JSON.parse(JSON.stringify(e)));
      }),
      { numRuns: 300 },
    );
  });
});

describe('isoTime', () => {
  it('matches Date#toISOString', () => {
    for (const ms of [0, 1, 1_764_000_000_123, 1_764_000_000_123, 1_764_000_000_124]) {
      expect(isoTime(ms)).toBe(new Date(ms).toISOString());
    }
  });
});

describe('AuditLog', () => {
  it('appends every recorded entry as a line and flushes on close', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'audit-')), 'audit.log');
    const log = new AuditLog(path, { flushIntervalMs: 10_000 });
    for (let i = 0; i < 1000; i++) {
      log.record({ eventTime: isoTime(i), requestId: String(i), eventName: 'Encrypt', awsRegion: 'us-east-1' });
    }
    await log.close();
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(1000);
    expect(JSON.parse(lines[999]!).requestId).toBe('999');
  });
});

describe('AuditLog.flushSync', () => {
  it('writes every recorded line at once, in one write, before it returns (no timer involved)', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'audit-')), 'audit.log');
    const log = new AuditLog(path, { flushIntervalMs: 60_000, sync: true });
    log.record({ eventTime: isoTime(1), requestId: 'a', eventName: 'Encrypt', awsRegion: 'us-east-1' });
    log.record({ eventTime: isoTime(2), requestId: 'b', eventName: 'Decrypt', awsRegion: 'us-east-1' });
    expect(readFileSync(path, 'utf8')).toBe('');
    log.flushSync();
    expect(readFileSync(path, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l).requestId)).toEqual(['a', 'b']);
    log.flushSync(); // nothing pending: nothing written
    expect(readFileSync(path, 'utf8').trimEnd().split('\n')).toHaveLength(2);
    void log.close();
  });

  it.runIf(existsSync('/dev/full'))('a failing write (disk full) is reported as a warning, never thrown into the reply path', async () => {
    const log = new AuditLog('/dev/full', { flushIntervalMs: 60_000 });
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.message);
    process.on('warning', onWarning);
    try {
      log.record({ eventTime: isoTime(3), requestId: 'c', eventName: 'Encrypt', awsRegion: 'us-east-1' });
      expect(() => log.flushSync()).not.toThrow();
      await new Promise((r) => setImmediate(r));
      expect(warnings.some((w) => w.includes('lines not written') && w.includes('ENOSPC'))).toBe(true);
    } finally {
      process.off('warning', onWarning);
      await log.close();
    }
  });
});
