/**
 * CloudTrail-like audit log: one JSON line per request, allowed or denied, throttled or not.
 *
 * Lines are buffered in memory and appended in batches off the hot path (one `write` per batch
 * on an O_APPEND descriptor, so batches from several worker processes never interleave inside a
 * line). Entries hold identifiers and the encryption context only: never plaintext or key
 * material. Call {@link AuditLog.close} (or {@link AuditLog.flushSync}) before exit.
 *
 * @module
 */
import { closeSync, ftruncateSync, mkdirSync, openSync, write, writeSync } from 'node:fs';
import { dirname } from 'node:path';

export interface AuditEntry {
  /** ISO-8601 time on the server's clock. */
  eventTime: string;
  requestId: string;
  /** Event id of a request that used a key (GetKeyLastUsage's CloudTrailEventId). */
  eventId?: string;
  eventName: string;
  awsRegion: string;
  /** Account of the caller (undefined when the request was not authenticated). */
  recipientAccountId?: string;
  principalArn?: string;
  accessKeyId?: string;
  sourceIPAddress?: string;
  userAgent?: string;
  /** Key ARNs the request used (ReEncrypt uses two). */
  resources?: string[];
  encryptionContext?: Record<string, string>;
  /** The authorization decision: `allow`, `explicit-deny` or `implicit-deny` (absent when nothing was authorized). */
  decision?: string;
  /** The statement that decided it: `key-policy:<Sid or #index>`, `identity[<n>]:<Sid or #index>` or `grant:<grant id>`. */
  decidedBy?: string;
  errorCode?: string;
  /** Wall-clock milliseconds the server spent. */
  durationMs?: number;
  /** How the request was authenticated: `sigv4` (signature verified) or `permissive` (not checked). */
  authMode?: 'sigv4' | 'permissive';
  /** Latency or an error injected on purpose (`--inject`), e.g. `latency=21.4ms error=KMSInternalException`. */
  injected?: string;
}

/** Printable ASCII without `"` and `\`: needs no escaping in JSON. */
const PLAIN = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;
const str = (v: string): string => (v.length <= 256 && PLAIN.test(v) ? `"${v}"` : JSON.stringify(v));

/**
 * One JSON line for an entry, members in a fixed order. Equivalent to `JSON.stringify(entry)`
 * (a test holds it to that) but without an object walk per request.
 */
export function formatAuditLine(e: AuditEntry): string {
  let line = `{"eventTime":${str(e.eventTime)},"requestId":${str(e.requestId)}`;
  if (e.eventId !== undefined) line += `,"eventId":${str(e.eventId)}`;
  line += `,"eventName":${str(e.eventName)},"awsRegion":${str(e.awsRegion)}`;
  if (e.recipientAccountId !== undefined) line += `,"recipientAccountId":${str(e.recipientAccountId)}`;
  if (e.principalArn !== undefined) line += `,"principalArn":${str(e.principalArn)}`;
  if (e.accessKeyId !== undefined) line += `,"accessKeyId":${str(e.accessKeyId)}`;
  if (e.sourceIPAddress !== undefined) line += `,"sourceIPAddress":${str(e.sourceIPAddress)}`;
  if (e.userAgent !== undefined) line += `,"userAgent":${JSON.stringify(e.userAgent)}`;
  if (e.resources !== undefined) line += `,"resources":[${e.resources.map(str).join(',')}]`;
  if (e.encryptionContext !== undefined) line += `,"encryptionContext":${JSON.stringify(e.encryptionContext)}`;
  if (e.decision !== undefined) line += `,"decision":${str(e.decision)}`;
  if (e.decidedBy !== undefined) line += `,"decidedBy":${str(e.decidedBy)}`;
  if (e.errorCode !== undefined) line += `,"errorCode":${str(e.errorCode)}`;
  if (e.durationMs !== undefined) line += `,"durationMs":${JSON.stringify(e.durationMs)}`;
  if (e.authMode !== undefined) line += `,"authMode":${str(e.authMode)}`;
  if (e.injected !== undefined) line += `,"injected":${str(e.injected)}`;
  return line + '}\n';
}

let isoMs = NaN;
let isoText = '';
/** `new Date(ms).toISOString()`, remembered for the last millisecond asked. */
export function isoTime(ms: number): string {
  if (ms !== isoMs) {
    isoText = new Date(ms).toISOString(); // may throw for an out-of-range time: then nothing is cached
    isoMs = ms;
  }
  return isoText;
}

export interface AuditSink {
  record(entry: AuditEntry): void;
  close(): Promise<void>;
  /** Resolves once every line recorded so far is written (call accounting reads the file). */
  drain?(): Promise<void>;
  /** Empties the log file (`--ephemeral` reset). */
  truncate?(): void;
  /** The log file, when there is one. */
  readonly path?: string;
}

export const nullAuditSink: AuditSink = { record() {}, close: async () => {} };

export class AuditLog implements AuditSink {
  private readonly fd: number;
  private pending: string[] = [];
  private pendingBytes = 0;
  private inFlight = false;
  private timer: NodeJS.Timeout;
  private closed = false;
  private drained: Array<() => void> = [];

  constructor(
    readonly path: string,
    private readonly options: { flushIntervalMs?: number; maxBatchBytes?: number } = {},
  ) {
    mkdirSync(dirname(path), { recursive: true });
    this.fd = openSync(path, 'a', 0o600);
    this.timer = setInterval(() => this.flush(), options.flushIntervalMs ?? 100);
    this.timer.unref();
  }

  record(entry: AuditEntry): void {
    if (this.closed) return;
    const line = formatAuditLine(entry);
    this.pending.push(line);
    this.pendingBytes += line.length;
    if (this.pendingBytes >= (this.options.maxBatchBytes ?? 256 * 1024)) this.flush();
  }

  /** Starts writing what is buffered; at most one write is in flight. */
  flush(): void {
    if (this.inFlight || this.pending.length === 0) {
      if (!this.inFlight) this.notifyDrained();
      return;
    }
    const batch = this.pending.join('');
    this.pending = [];
    this.pendingBytes = 0;
    this.inFlight = true;
    write(this.fd, batch, null, 'utf8', () => {
      this.inFlight = false;
      if (this.pending.length > 0) this.flush();
      else this.notifyDrained();
    });
  }

  /** Writes everything buffered now, synchronously (for exit paths). */
  flushSync(): void {
    if (this.pending.length === 0 || this.inFlight) return;
    const batch = this.pending.join('');
    this.pending = [];
    this.pendingBytes = 0;
    writeSync(this.fd, batch, null, 'utf8');
  }

  drain(): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise<void>((resolve) => {
      this.drained.push(resolve);
      this.flush();
    });
  }

  truncate(): void {
    ftruncateSync(this.fd, 0);
  }

  private notifyDrained(): void {
    const waiters = this.drained;
    this.drained = [];
    for (const w of waiters) w();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.timer);
    await new Promise<void>((resolve) => {
      this.drained.push(resolve);
      this.flush();
    });
    closeSync(this.fd);
  }
}
