/**
 * Raw HTTP/1.1 exchanges for abuse cases: exact bytes (in pieces, with pauses, half-closed or
 * not) on a fresh connection, replies framed with the load generator's parser
 * (harness/load/http1.ts), and the connection's fate (closed by the server, or still open).
 *
 * @module
 */
import { connect, type Socket } from 'node:net';
import { parseReply, ReplyFormatError, type Reply } from '../../harness/load/http1-reply-framing.js';
import { sleep } from './support.js';

export interface Exchange {
  replies: Reply[];
  /** The server closed (or reset) the connection. */
  closed: boolean;
  /** The bytes received could not be framed as HTTP replies. */
  malformed?: string;
  /** Writes failed because the server had gone away. */
  writeFailed: boolean;
  /** Connecting failed (refused, reset): the server may be down or out of descriptors. */
  connectError?: string;
}

export interface Script {
  /** Pieces written in order, `gapMs` apart. */
  pieces: Buffer[];
  gapMs?: number;
  /** Half-close after the last piece (default true). */
  end?: boolean;
  /** Replies to wait for before closing (default 1). */
  replies?: number;
  /** The request is HEAD: replies have a head only (their content-length is not sent). */
  head?: boolean;
}

/** Splits raw bytes into every complete reply (1xx included, as their own entries). */
export function frameReplies(raw: Buffer, head = false): { replies: Reply[]; malformed?: string } {
  const replies: Reply[] = [];
  let pos = 0;
  try {
    while (pos < raw.length) {
      const end = raw.indexOf('\r\n\r\n', pos);
      const r = head && end >= 0 ? headOnly(raw.toString('latin1', pos, end), end + 4 - pos) : parseReply(raw.subarray(pos), () => true);
      if (!r) break;
      replies.push(r);
      pos += r.length;
    }
  } catch (e) {
    return { replies, malformed: e instanceof ReplyFormatError ? e.message : String(e) };
  }
  return { replies };
}

/** A reply to HEAD: the head is all there is. */
function headOnly(head: string, length: number): Reply {
  if (!head.startsWith('HTTP/1.')) throw new ReplyFormatError('not an HTTP/1.x reply');
  const status = Number(head.slice(9, 12));
  if (!Number.isInteger(status)) throw new ReplyFormatError('reply without status');
  return { length, status, close: /\r\nconnection:\s*close/i.test(head) };
}

export async function exchange(port: number, script: Script, timeoutMs = 3000, host = '127.0.0.1'): Promise<Exchange> {
  const sock: Socket = connect(port, host);
  const chunks: Buffer[] = [];
  const state = { closed: false, writeFailed: false };
  sock.on('data', (d: Buffer) => chunks.push(d));
  sock.on('close', () => (state.closed = true));
  sock.on('error', () => (state.closed = true));
  try {
    await new Promise<void>((resolve, reject) => {
      sock.once('connect', resolve);
      sock.once('error', reject);
    });
  } catch (e) {
    sock.destroy();
    return { replies: [], closed: true, writeFailed: false, connectError: (e as Error).message };
  }
  const want = script.replies ?? 1;
  const finals = () => frameReplies(Buffer.concat(chunks), script.head).replies.filter((r) => r.status >= 200).length;
  for (const [i, piece] of script.pieces.entries()) {
    if (state.closed) {
      state.writeFailed = true;
      break;
    }
    sock.write(piece);
    if (script.gapMs && i < script.pieces.length - 1) await sleep(script.gapMs);
  }
  if (!state.closed && script.end !== false) sock.end();
  const deadline = Date.now() + timeoutMs;
  while (!state.closed && finals() < want && Date.now() < deadline) await sleep(2);
  sock.destroy();
  const framed = frameReplies(Buffer.concat(chunks), script.head);
  return { replies: framed.replies, closed: state.closed, writeFailed: state.writeFailed, ...(framed.malformed ? { malformed: framed.malformed } : {}) };
}

/** Request bytes: a request line, headers as given (no framing added unless `contentLength`), body. */
export function requestBytes(head: { method?: string; url?: string; version?: string; headers: Array<[string, string]> }, body: Buffer | string = '', contentLength = true): Buffer {
  const b = Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
  let text = `${head.method ?? 'POST'} ${head.url ?? '/'} ${head.version ?? 'HTTP/1.1'}\r\n`;
  for (const [k, v] of head.headers) text += `${k}: ${v}\r\n`;
  if (contentLength && !head.headers.some(([k]) => /^(content-length|transfer-encoding)$/i.test(k))) text += `content-length: ${b.length}\r\n`;
  return Buffer.concat([Buffer.from(`${text}\r\n`, 'latin1'), b]);
}
