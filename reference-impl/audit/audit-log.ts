/**
 * CloudTrail-like audit log: one JSON line per request, allowed or denied, throttled or not.
 *
 * Lines are buffered in memory and written synchronously, once per event-loop turn, by the HTTP
 * edge just before it writes that turn's replies ({@link AuditSink.flushSync}: one `write(2)` for
 * every line of the turn, on an O_APPEND descriptor, so batches from several worker processes never
 * interleave inside a line). So every request acknowledged to a client has its line in the file (in
 * the OS; with `sync` it is also `fdatasync`ed), and a `kill -9` loses no line of an acknowledged
 * request. A timer flushes lines no reply waited for. Entries hold identifiers and the encryption
 * context only: never plaintext or key material. Call {@link AuditLog.close} before exit.
 *
 * @module
 */
import { closeSync, fdatasyncSync, ftruncateSync, mkdirSync, openSync, writeSync } from 'node:fs';
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
  /** Writes every recorded line now (before replies are written). Never throws. */
  flushSync(): void;
  close(): Promise<void>;
  /** Resolves once every line recorded so far is written (call accounting reads the file). */
  drain?(): Promise<void>;
  /** Empties the log file (`--ephemeral` reset). */
  truncate?(): void;
  /** The log file, when there is one. */
  readonly path?: string;
}

export const nullAuditSink: AuditSink = { record() {}, flushSync() {}, close: async () => {} };

export interface AuditLogOptions {
  /** Flushes lines no reply flushed (default 100 ms). */
  flushIntervalMs?: number;
  /** `fdatasync` after each write: lines survive power loss too (the server's `--fsync`). */
  sync?: boolean;
}

export class AuditLog implements AuditSink {
  private readonly fd: number;
  private pending: string[] = [];
  private readonly timer: NodeJS.Timeout;
  private closed = false;
  private lastWarning = 0;

  constructor(
    readonly path: string,
    private readonly options: AuditLogOptions = {},
  ) {
    mkdirSync(dirname(path), { recursive: true });
    this.fd = openSync(path, 'a', 0o600);
    this.timer = setInterval(() => this.flushSync(), options.flushIntervalMs ?? 100);
    this.timer.unref();
  }

  record(entry: AuditEntry): void {
    if (this.closed) return;
    this.pending.push(formatAuditLine(entry));
  }

  flushSync(): void {
    if (this.pending.length === 0) return;
    const batch = Buffer.from(this.pending.length === 1 ? this.pending[0]! : this.pending.join(''), 'utf8');
    this.pending = [];
    try {
      for (let off = 0; off < batch.length; ) off += writeSync(this.fd, batch, off);
      if (this.options.sync) fdatasyncSync(this.fd);
    } catch (e) {
      // The replies go out regardless (their changes are committed); say so where an operator
      // looks, at most once a second.
      const now = Date.now();
      if (now - this.lastWarning >= 1000) {
        this.lastWarning = now;
        process.emitWarning(`kmsbench: audit log ${this.path}: lines not written: ${(e as Error).message}`);
      }
    }
  }

  /** Lines are written synchronously: flushing what is pending is all a drain needs. */
  drain(): Promise<void> {
    this.flushSync();
    return Promise.resolve();
  }

  /** Drops what is pending and empties the file (lines of requests before the reset go too). */
  truncate(): void {
    this.pending = [];
    ftruncateSync(this.fd, 0);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.timer);
    this.flushSync();
    closeSync(this.fd);
  }
}
