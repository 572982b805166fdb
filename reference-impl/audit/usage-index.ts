/**
 * Call accounting from the audit log: per operation, per key and per principal, how many calls
 * were made, how many were throttled and how many failed otherwise, since a time. Every worker
 * process appends to the same audit log, so counting from it covers the whole server; each
 * process reads only what was appended since its last query (an index of per-second counts).
 *
 * Times are the audit entries' `eventTime`, on the server's clock. Serving processes flush
 * their buffered lines before a query reads (see protocol/routes.ts).
 *
 * @module
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

export interface CallCounts {
  calls: number;
  throttled: number;
  /** Refused with another error. */
  errors: number;
}

export interface UsageReport {
  /** ISO time the counts start from (inclusive); absent: since the log began. */
  since?: string;
  total: CallCounts;
  operations: Record<string, CallCounts>;
  keys: Record<string, CallCounts & { operations: Record<string, number> }>;
  principals: Record<string, CallCounts>;
}

interface Row {
  op: string;
  principal: string;
  keys: string[];
  outcome: 'ok' | 'throttled' | 'error';
  count: number;
}

const CHUNK = 1 << 20;

/** Adds `n` calls of `outcome` to a counter. */
function add(c: CallCounts, outcome: Row['outcome'], n: number): void {
  c.calls += n;
  if (outcome === 'throttled') c.throttled += n;
  else if (outcome === 'error') c.errors += n;
}

const zero = (): CallCounts => ({ calls: 0, throttled: 0, errors: 0 });

export class UsageIndex {
  private offset = 0;
  private partial = '';
  /** Second (epoch) → compound row key → row. */
  private readonly seconds = new Map<number, Map<string, Row>>();

  constructor(private readonly path: string) {}

  /** Forgets everything read (the log was truncated by a reset). */
  clear(): void {
    this.offset = 0;
    this.partial = '';
    this.seconds.clear();
  }

  /** Reads what was appended since the last call. */
  refresh(): void {
    let fd: number;
    try {
      fd = openSync(this.path, 'r');
    } catch {
      return; // no log yet
    }
    try {
      const size = fstatSync(fd).size;
      if (size < this.offset) this.clear();
      const buf = Buffer.allocUnsafe(CHUNK);
      while (this.offset < size) {
        const n = readSync(fd, buf, 0, Math.min(CHUNK, size - this.offset), this.offset);
        if (n <= 0) break;
        this.offset += n;
        const text = this.partial + buf.toString('utf8', 0, n);
        const lines = text.split('\n');
        this.partial = lines.pop() ?? '';
        for (const line of lines) if (line) this.ingest(line);
      }
    } finally {
      closeSync(fd);
    }
  }

  private ingest(line: string): void {
    let e: { eventTime?: string; eventName?: string; principalArn?: string; resources?: string[]; errorCode?: string };
    try {
      e = JSON.parse(line) as typeof e;
    } catch {
      return; // a torn line (the process died mid-write): not a call we can count
    }
    const t = Date.parse(e.eventTime ?? '');
    if (!Number.isFinite(t) || typeof e.eventName !== 'string') return;
    const second = Math.floor(t / 1000);
    const outcome: Row['outcome'] = e.errorCode === undefined ? 'ok' : e.errorCode === 'ThrottlingException' ? 'throttled' : 'error';
    const principal = e.principalArn ?? '(unauthenticated)';
    const keys = Array.isArray(e.resources) ? e.resources : [];
    const id = `${e.eventName}\u0000${principal}\u0000${keys.join(',')}\u0000${outcome}`;
    let bucket = this.seconds.get(second);
    if (!bucket) this.seconds.set(second, (bucket = new Map()));
    const row = bucket.get(id);
    if (row) row.count++;
    else bucket.set(id, { op: e.eventName, principal, keys, outcome, count: 1 });
  }

  /** Counts of calls at or after `sinceMs` (all when undefined). Call {@link refresh} first. */
  query(sinceMs?: number): UsageReport {
    const report: UsageReport = {
      ...(sinceMs !== undefined ? { since: new Date(sinceMs).toISOString() } : {}),
      total: zero(),
      operations: {},
      keys: {},
      principals: {},
    };
    const from = sinceMs === undefined ? -Infinity : Math.floor(sinceMs / 1000);
    for (const [second, bucket] of this.seconds) {
      if (second < from) continue;
      for (const r of bucket.values()) {
        add(report.total, r.outcome, r.count);
        add((report.operations[r.op] ??= zero()), r.outcome, r.count);
        add((report.principals[r.principal] ??= zero()), r.outcome, r.count);
        for (const k of r.keys) {
          const entry = (report.keys[k] ??= { ...zero(), operations: {} });
          add(entry, r.outcome, r.count);
          entry.operations[r.op] = (entry.operations[r.op] ?? 0) + r.count;
        }
      }
    }
    return report;
  }
}

/** `since` as a query parameter: ISO-8601, or epoch seconds. Undefined when absent; NaN when malformed. */
export function parseSince(text: string | null): number | undefined {
  if (text === null || text === '') return undefined;
  if (/^\d+(?:\.\d+)?$/.test(text)) return Number(text) * 1000;
  return Date.parse(text);
}
