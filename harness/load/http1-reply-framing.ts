/**
 * Minimal HTTP/1.1 reply framing for the raw load clients: status, Content-Length or chunked
 * bodies, `Connection: close`, and the AWS error code of an error reply. Only what a client
 * with one request in flight per connection needs.
 *
 * @module
 */

const CRLFCRLF = Buffer.from('\r\n\r\n');

export interface Reply {
  /** Bytes of `buf` this reply occupies (head + body). */
  length: number;
  status: number;
  /** The body (only materialised for non-2xx replies, where the error code is needed). */
  body?: Buffer;
  /** The server will close the connection after this reply. */
  close: boolean;
  /** `x-amzn-ErrorType` header, when present. */
  errorTypeHeader?: string;
}

export class ReplyFormatError extends Error {
  override readonly name = 'ReplyFormatError';
}

const HEADER_RE = new Map<string, RegExp>();

function header(head: string, name: string): string | undefined {
  let re = HEADER_RE.get(name);
  if (!re) HEADER_RE.set(name, (re = new RegExp(`\\r\\n${name}:[ \\t]*([^\\r]*)`, 'i')));
  return re.exec(head)?.[1]?.trim();
}

/** Decodes a chunked body starting at `start`; undefined while incomplete. */
function dechunk(buf: Buffer, start: number): { end: number; body: Buffer } | undefined {
  const parts: Buffer[] = [];
  let p = start;
  for (;;) {
    const eol = buf.indexOf('\r\n', p, 'latin1');
    if (eol < 0) return undefined;
    const size = parseInt(buf.toString('latin1', p, eol).split(';')[0]!, 16);
    if (!Number.isFinite(size) || size < 0) throw new ReplyFormatError('bad chunk size');
    p = eol + 2;
    if (size === 0) {
      // Trailers (usually none) end with an empty line.
      const end = buf.indexOf(CRLFCRLF, p - 2);
      if (end < 0) return undefined;
      return { end: end + 4, body: Buffer.concat(parts) };
    }
    if (buf.length < p + size + 2) return undefined;
    parts.push(buf.subarray(p, p + size));
    p += size + 2;
  }
}

/**
 * The reply at the start of `buf`, or undefined when it is not complete yet. 1xx interim replies
 * are returned too (status < 200); the caller skips them.
 */
export function parseReply(buf: Buffer, wantBody: (status: number) => boolean): Reply | undefined {
  const end = buf.indexOf(CRLFCRLF);
  if (end < 0) return undefined;
  const head = buf.toString('latin1', 0, end);
  if (!head.startsWith('HTTP/1.')) throw new ReplyFormatError('not an HTTP/1.x reply');
  const status = Number(head.slice(9, 12));
  if (!Number.isInteger(status)) throw new ReplyFormatError('reply without status');
  const connection = header(head, 'connection');
  const close = connection !== undefined ? connection.toLowerCase() === 'close' : head.startsWith('HTTP/1.0');
  const errorTypeHeader = header(head, 'x-amzn-errortype');
  const bodyStart = end + 4;
  if (status < 200 || status === 204 || status === 304) return { length: bodyStart, status, close, ...(errorTypeHeader ? { errorTypeHeader } : {}) };
  const te = header(head, 'transfer-encoding');
  if (te && te.toLowerCase().includes('chunked')) {
    const chunked = dechunk(buf, bodyStart);
    if (!chunked) return undefined;
    return { length: chunked.end, status, close, ...(wantBody(status) ? { body: chunked.body } : {}), ...(errorTypeHeader ? { errorTypeHeader } : {}) };
  }
  const cl = header(head, 'content-length');
  if (cl === undefined) throw new ReplyFormatError('reply without content-length or chunked encoding');
  const length = bodyStart + Number(cl);
  if (buf.length < length) return undefined;
  return {
    length,
    status,
    close,
    ...(wantBody(status) ? { body: buf.subarray(bodyStart, length) } : {}),
    ...(errorTypeHeader ? { errorTypeHeader } : {}),
  };
}

/** `com.amazonaws.kms#ThrottlingException:http://...` → `ThrottlingException`. */
export const shortErrorCode = (type: string): string => type.split('#').pop()!.split(':')[0]!.trim();

/** The AWS error code of an error reply: the body's `__type` (or `code`), else the header. */
export function errorCode(reply: Reply): string | undefined {
  if (reply.body && reply.body.length > 0) {
    try {
      const j = JSON.parse(reply.body.toString('utf8')) as Record<string, unknown>;
      const t = typeof j.__type === 'string' ? j.__type : typeof j.code === 'string' ? j.code : undefined;
      if (t) return shortErrorCode(t);
    } catch {
      // not JSON
    }
  }
  return reply.errorTypeHeader ? shortErrorCode(reply.errorTypeHeader) : undefined;
}

/** Error codes counted as throttling. */
export const THROTTLING_CODES: ReadonlySet<string> = new Set(['ThrottlingException', 'Throttling', 'ThrottledException', 'TooManyRequestsException', 'RequestLimitExceeded']);

/**
 * Allocation-free framing of the common case — a complete 2xx reply with Content-Length and no
 * chunking — in `buf[start, end)` (which may be a view into a reused read buffer: nothing past
 * `end` is looked at). Returns the reply's length, or -1 when the caller must take the general
 * path (`parseReply` on a copy): incomplete, non-2xx, chunked, no Content-Length, malformed.
 * `FAST.close` says whether the server will close the connection.
 */
export const FAST = { status: 0, close: false };

const lower = (b: number) => (b >= 65 && b <= 90 ? b + 32 : b);

function nameIs(buf: Uint8Array, from: number, to: number, name: string): boolean {
  if (to - from !== name.length) return false;
  for (let i = 0; i < name.length; i++) if (lower(buf[from + i]!) !== name.charCodeAt(i)) return false;
  return true;
}

export function frameReply(buf: Uint8Array, start: number, end: number): number {
  // Status line: "HTTP/1.x NNN".
  if (end - start < 16 || buf[start] !== 72 /* H */ || buf[start + 4] !== 47 /* / */) return -1;
  const d0 = buf[start + 9]! - 48;
  const d1 = buf[start + 10]! - 48;
  const d2 = buf[start + 11]! - 48;
  if (d0 !== 2 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return -1;
  FAST.status = 200 + d1 * 10 + d2;
  FAST.close = buf[start + 7] === 48; // HTTP/1.0 closes unless told otherwise
  let contentLength = -1;
  // Header lines.
  let p = start;
  while (p < end && buf[p] !== 10) p++; // end of the status line
  p++;
  for (;;) {
    if (p + 1 >= end) return -1; // incomplete
    if (buf[p] === 13 && buf[p + 1] === 10) {
      p += 2; // end of headers
      break;
    }
    let colon = -1;
    let eol = p;
    while (eol < end && buf[eol] !== 10) {
      if (colon < 0 && buf[eol] === 58) colon = eol;
      eol++;
    }
    if (eol >= end || colon < 0) return -1;
    let v = colon + 1;
    while (buf[v] === 32 || buf[v] === 9) v++;
    const vEnd = buf[eol - 1] === 13 ? eol - 1 : eol;
    if (nameIs(buf, p, colon, 'content-length')) {
      let n = 0;
      for (let i = v; i < vEnd; i++) {
        const digit = buf[i]! - 48;
        if (digit < 0 || digit > 9) return -1;
        n = n * 10 + digit;
      }
      contentLength = n;
    } else if (nameIs(buf, p, colon, 'transfer-encoding')) return -1;
    else if (nameIs(buf, p, colon, 'connection')) FAST.close = nameIs(buf, v, vEnd, 'close') ? true : nameIs(buf, v, vEnd, 'keep-alive') ? false : FAST.close;
    p = eol + 1;
  }
  if (contentLength < 0 || p + contentLength > end) return -1;
  return p + contentLength - start;
}
