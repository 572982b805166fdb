/**
 * A lean HTTP/1.1 server for AWS JSON 1.1 traffic, on `node:net`.
 *
 * Node's `http` module costs more per request than the whole KMS Encrypt path (see
 * `scripts/bench-server`), so the reference server parses requests itself: request line and
 * headers, `Content-Length` or chunked bodies, keep-alive, pipelining (replies in order, written
 * with one syscall per batch), `Expect: 100-continue`, idle timeouts. Anything it does not
 * understand is answered with a 4xx and the connection is closed; it never throws out of a
 * socket callback. Bodies over the limit are refused (413) before they are buffered whole.
 * A request whose head (or whole body) does not arrive in time is answered 408 and its connection
 * closed (./connection-guard.ts); connections over the cap are closed as they arrive. Replies of
 * one event-loop turn are written together after an optional hook (./turn-writer.ts: the audit
 * log's flush).
 *
 * @module
 */
import { createServer, type Server, type Socket } from 'node:net';
import { ConnectionGuard, type Receiving } from './connection-guard.js';
import { createReplyWriter } from './turn-writer.js';

export interface Http1Request {
  method: string;
  /** Request target as received (path and query). */
  url: string;
  /** Lower-case header names; repeated headers joined with ", " (as node:http does). */
  headers: Record<string, string>;
  body: Buffer;
  remoteAddress: string | undefined;
}

export interface Http1Response {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Reset the connection (TCP RST) instead of answering. */
  reset?: boolean;
}

/** Answers a request; a promise holds back the connection's later (pipelined) replies until it settles. */
export type Http1Handler = (req: Http1Request) => Http1Response | Promise<Http1Response>;

export interface Http1Options {
  maxBodyBytes: number;
  maxHeaderBytes?: number;
  maxHeaders?: number;
  /** Idle keep-alive timeout in ms (default 65 s, above the SDKs' pool idle times). */
  idleTimeoutMs?: number;
  /** The reply for a body over `maxBodyBytes` (sent with `connection: close`). */
  tooLarge: () => Http1Response;
  /** Most ms from a request's start (first byte; connect, for the first) to the end of its head (default 10 s; 0: none). */
  headersTimeoutMs?: number;
  /** Most ms from a request's start to the end of its body (default 30 s; 0: none). */
  requestTimeoutMs?: number;
  /** The reply when a request misses a deadline (sent with `connection: close`; default a plain 408). */
  timedOut?: () => Http1Response;
  /** Open connections at most; more are closed as they arrive (default 10,000). */
  maxConnections?: number;
  /** Runs once per event-loop turn before that turn's replies are written (e.g. the audit log's flush). */
  beforeWrite?: () => void;
}

export const HTTP1_DEFAULTS = { headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, maxConnections: 10_000, idleTimeoutMs: 65_000 } as const;

const STATUS_TEXT: Record<number, string> = {
  100: 'Continue',
  200: 'OK',
  400: 'Bad Request',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  412: 'Precondition Failed',
  413: 'Payload Too Large',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  503: 'Service Unavailable',
  505: 'HTTP Version Not Supported',
};

const CRLFCRLF = Buffer.from('\r\n\r\n');
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

let cachedDate = '';
let cachedDateSecond = 0;
/** RFC 7231 Date header value, recomputed at most once a second. */
function httpDate(): string {
  const now = Date.now();
  const second = Math.floor(now / 1000);
  if (second !== cachedDateSecond) {
    cachedDateSecond = second;
    cachedDate = new Date(now).toUTCString();
  }
  return cachedDate;
}

/** Serialises a response head + body as one string (latin1-safe head, UTF-8 body length). */
export function serializeResponse(res: Http1Response, close: boolean, headOnly = false): string {
  let head = `HTTP/1.1 ${res.status} ${STATUS_TEXT[res.status] ?? 'Unknown'}\r\n`;
  for (const name in res.headers) head += `${name}: ${res.headers[name]}\r\n`;
  head += `content-length: ${Buffer.byteLength(res.body)}\r\ndate: ${httpDate()}\r\n`;
  head += close ? 'connection: close\r\n\r\n' : '\r\n';
  // A reply to HEAD has no content (RFC 9110 9.3.2), only the length it would have.
  return headOnly ? head : head + res.body;
}

class ProtocolError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

interface PendingHead {
  method: string;
  url: string;
  headers: Record<string, string>;
  keepAlive: boolean;
  /** Content-Length, or -1 for chunked. */
  length: number;
  bodyStart: number;
  /** Progress of a chunked body. */
  scan?: ChunkScan;
}

function parseHead(buf: Buffer, end: number, opts: Http1Options): PendingHead {
  const text = buf.toString('latin1', 0, end);
  const firstEol = text.indexOf('\r\n');
  const requestLine = firstEol < 0 ? text : text.slice(0, firstEol);
  const sp1 = requestLine.indexOf(' ');
  const sp2 = requestLine.lastIndexOf(' ');
  if (sp1 <= 0 || sp2 <= sp1) throw new ProtocolError(400, 'malformed request line');
  const method = requestLine.slice(0, sp1);
  const url = requestLine.slice(sp1 + 1, sp2);
  const version = requestLine.slice(sp2 + 1);
  if (!TOKEN.test(method) || url.length === 0 || url.includes(' ')) throw new ProtocolError(400, 'malformed request line');
  let keepAlive: boolean;
  if (version === 'HTTP/1.1') keepAlive = true;
  else if (version === 'HTTP/1.0') keepAlive = false;
  else throw new ProtocolError(version.startsWith('HTTP/') ? 505 : 400, 'unsupported HTTP version');

  const headers: Record<string, string> = Object.create(null);
  let count = 0;
  let pos = firstEol < 0 ? text.length : firstEol + 2;
  while (pos < text.length) {
    let eol = text.indexOf('\r\n', pos);
    if (eol < 0) eol = text.length;
    const line = text.slice(pos, eol);
    pos = eol + 2;
    if (++count > (opts.maxHeaders ?? 100)) throw new ProtocolError(431, 'too many headers');
    const colon = line.indexOf(':');
    if (colon <= 0) throw new ProtocolError(400, 'malformed header line');
    const name = line.slice(0, colon).toLowerCase();
    if (!TOKEN.test(name)) throw new ProtocolError(400, 'malformed header name');
    const value = line.slice(colon + 1).trim();
    const prev = headers[name];
    headers[name] = prev === undefined ? value : `${prev}, ${value}`;
  }

  const connection = headers.connection?.toLowerCase();
  if (connection !== undefined) {
    if (connection.includes('close')) keepAlive = false;
    else if (connection.includes('keep-alive')) keepAlive = true;
  }
  const te = headers['transfer-encoding'];
  const cl = headers['content-length'];
  let length = 0;
  if (te !== undefined) {
    if (cl !== undefined) throw new ProtocolError(400, 'both content-length and transfer-encoding');
    if (te.toLowerCase() !== 'chunked') throw new ProtocolError(501, 'unsupported transfer-encoding');
    length = -1;
  } else if (cl !== undefined) {
    if (!/^\d{1,15}$/.test(cl)) throw new ProtocolError(400, 'invalid content-length');
    length = Number(cl);
  }
  const bodyStart = end + 4;
  return { method, url, headers, keepAlive, length, bodyStart, ...(length < 0 ? { scan: { pos: bodyStart, parts: [], size: 0 } } : {}) };
}

/** How far a chunked body has been decoded; kept between `data` events so each byte is scanned once. */
export interface ChunkScan {
  /** Offset (in the connection buffer) of the next chunk-size line. */
  pos: number;
  parts: Buffer[];
  size: number;
}

const MAX_TRAILER_BYTES = 16 * 1024;

/**
 * Decodes as much of a chunked body as has arrived, resuming from `scan`. Returns the body and
 * the offset after it once complete, undefined while more data is needed.
 */
export function decodeChunked(buf: Buffer, scan: ChunkScan, limit: number): { body: Buffer; end: number } | undefined | 'too-large' {
  for (;;) {
    const pos = scan.pos;
    const eol = buf.indexOf('\r\n', pos, 'latin1');
    if (eol < 0) {
      if (buf.length - pos > 1024) throw new ProtocolError(400, 'malformed chunk size');
      return undefined;
    }
    const sizeText = buf.toString('latin1', pos, eol).split(';', 1)[0]!.trim();
    if (!/^[0-9a-fA-F]{1,8}$/.test(sizeText)) throw new ProtocolError(400, 'malformed chunk size');
    const n = parseInt(sizeText, 16);
    if (n === 0) {
      // Trailers (ignored) end with an empty line; with none, the CRLFCRLF starts at `eol`.
      const end = buf.indexOf(CRLFCRLF, eol);
      if (end < 0) {
        if (buf.length - eol > MAX_TRAILER_BYTES) throw new ProtocolError(431, 'trailers too large');
        return undefined;
      }
      const { parts, size } = scan;
      return { body: parts.length === 1 ? parts[0]! : Buffer.concat(parts, size), end: end + 4 };
    }
    if (scan.size + n > limit) return 'too-large';
    if (buf.length < eol + 2 + n + 2) return undefined;
    if (buf[eol + 2 + n] !== 13 || buf[eol + 3 + n] !== 10) throw new ProtocolError(400, 'malformed chunk');
    scan.parts.push(buf.subarray(eol + 2, eol + 2 + n));
    scan.size += n;
    scan.pos = eol + 4 + n;
  }
}

const INTERNAL_ERROR: Http1Response = { status: 500, headers: { 'content-type': 'text/plain' }, body: 'Internal Server Error' };

function plainError(status: number): string {
  return serializeResponse({ status, headers: { 'content-type': 'text/plain' }, body: STATUS_TEXT[status] ?? 'Error' }, true);
}

const openSockets = new WeakMap<Server, Set<Socket>>();

const guards = new WeakMap<Server, ConnectionGuard>();

/** Stops accepting, destroys open (keep-alive) connections, and resolves once closed. */
export function closeHttp1Server(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    for (const s of openSockets.get(server) ?? []) s.destroy();
    guards.get(server)?.stop();
  });
}

export function createHttp1Server(handler: Http1Handler, opts: Http1Options): Server {
  const maxHeaderBytes = opts.maxHeaderBytes ?? 16 * 1024;
  const idle = opts.idleTimeoutMs ?? HTTP1_DEFAULTS.idleTimeoutMs;
  const headersTimeoutMs = opts.headersTimeoutMs ?? HTTP1_DEFAULTS.headersTimeoutMs;
  const requestTimeoutMs = opts.requestTimeoutMs ?? HTTP1_DEFAULTS.requestTimeoutMs;
  const maxConnections = opts.maxConnections ?? HTTP1_DEFAULTS.maxConnections;
  const guard = new ConnectionGuard({ headersTimeoutMs, requestTimeoutMs });
  const timedOutReply = (): string => serializeResponse(opts.timedOut?.() ?? { status: 408, headers: { 'content-type': 'text/plain' }, body: 'Request Timeout' }, true);
  const writer = createReplyWriter(opts.beforeWrite);
  const sockets = new Set<Socket>();
  const server = createServer({ noDelay: true, allowHalfOpen: false }, (socket: Socket) => {
    if (sockets.size >= maxConnections) {
      // Over the cap: closed at once, before a byte is read (as node:http's maxConnections does).
      socket.on('error', () => {});
      socket.destroy();
      return;
    }
    sockets.add(socket);
    socket.setTimeout(idle, () => socket.destroy());
    let buf: Buffer | null = null;
    let head: PendingHead | null = null;
    let sentContinue = false;
    let closed = false;
    const remoteAddress = socket.remoteAddress;
    /** The request being received; its first starts now. */
    const receiving: Receiving = { since: Date.now(), headDone: false };
    const unwatch = guard.watch(receiving, () => {
      if (closed || socket.destroyed) return;
      closed = true;
      buf = null;
      head = null;
      writer.write(socket, timedOutReply(), true);
    });
    socket.once('close', () => {
      sockets.delete(socket);
      unwatch();
    });

    /** A reply is pending on a promise: parse nothing more until it is written. */
    let waiting = false;

    const pump = (): void => {
      let out = '';
      try {
        while (buf !== null && !closed && !waiting) {
          if (head === null) {
            const end = buf.indexOf(CRLFCRLF);
            if (end < 0) {
              if (buf.length > maxHeaderBytes) throw new ProtocolError(431, 'header too large');
              break;
            }
            if (end > maxHeaderBytes) throw new ProtocolError(431, 'header too large');
            head = parseHead(buf, end, opts);
            receiving.headDone = true;
            sentContinue = false;
            if (head.length > opts.maxBodyBytes) {
              out += serializeResponse(opts.tooLarge(), true);
              closed = true;
              break;
            }
          }
          let body: Buffer;
          let next: number;
          if (head.length >= 0) {
            next = head.bodyStart + head.length;
            if (buf.length < next) {
              if (!sentContinue && head.headers.expect?.toLowerCase() === '100-continue') {
                out += 'HTTP/1.1 100 Continue\r\n\r\n';
                sentContinue = true;
              }
              break;
            }
            body = buf.subarray(head.bodyStart, next);
          } else {
            const decoded = decodeChunked(buf, head.scan!, opts.maxBodyBytes);
            if (decoded === 'too-large') {
              out += serializeResponse(opts.tooLarge(), true);
              closed = true;
              break;
            }
            if (decoded === undefined) {
              if (!sentContinue && head.headers.expect?.toLowerCase() === '100-continue') {
                out += 'HTTP/1.1 100 Continue\r\n\r\n';
                sentContinue = true;
              }
              break;
            }
            body = decoded.body;
            next = decoded.end;
          }
          const request: Http1Request = { method: head.method, url: head.url, headers: head.headers, body, remoteAddress };
          const keepAlive = head.keepAlive;
          const headOnly = head.method === 'HEAD';
          head = null;
          receiving.since = 0;
          receiving.headDone = false;
          buf = next === buf.length ? null : buf.subarray(next);
          let response: Http1Response | Promise<Http1Response>;
          try {
            response = handler(request);
          } catch {
            response = INTERNAL_ERROR;
          }
          if (response instanceof Promise) {
            waiting = true;
            if (out.length > 0) writer.write(socket, out, false);
            out = '';
            response.then(
              (r) => resume(r, keepAlive, headOnly),
              () => resume(INTERNAL_ERROR, keepAlive, headOnly),
            );
            break;
          }
          out += serializeResponse(response, !keepAlive, headOnly);
          if (!keepAlive) closed = true;
        }
      } catch (e) {
        const status = e instanceof ProtocolError ? e.status : 400;
        out += plainError(status);
        closed = true;
      }
      if (out.length > 0 || closed) writer.write(socket, out, closed);
      if (closed) buf = null;
      // The next request's bytes have begun to arrive: its deadlines run from now.
      else if (buf !== null && !waiting && receiving.since === 0) receiving.since = Date.now();
      // Keep a partial request's bytes compact: a subarray would pin the whole old chunk.
      if (buf !== null && buf.byteOffset > 0 && buf.length < 4096) buf = Buffer.from(buf);
    };

    const resume = (response: Http1Response, keepAlive: boolean, headOnly: boolean): void => {
      waiting = false;
      if (socket.destroyed) return;
      if (response.reset) {
        closed = true;
        socket.resetAndDestroy();
        return;
      }
      if (!keepAlive) {
        closed = true;
        writer.write(socket, serializeResponse(response, true, headOnly), true);
        return;
      }
      writer.write(socket, serializeResponse(response, false, headOnly), false);
      pump();
    };

    socket.on('data', (chunk: Buffer) => {
      if (closed) return;
      buf = buf === null ? chunk : Buffer.concat([buf, chunk]);
      if (buf.length > maxHeaderBytes + opts.maxBodyBytes + 64 * 1024) {
        // A client pipelining without reading replies: stop buffering.
        closed = true;
        socket.destroy();
        return;
      }
      if (!waiting) pump();
    });
    socket.on('error', () => {
      closed = true;
    });
  });
  openSockets.set(server, sockets);
  guards.set(server, guard);
  return server;
}
