/**
 * Protocol, auth and transport abuse against a real server on port 0 (raw sockets and undici):
 * missing / broken / foreign / stale signatures, unknown targets, wrong methods and content
 * types, empty and oversized bodies (declared and chunked), slow and partial bodies, malformed
 * HTTP, pipelining, many concurrent bad requests. After every case a valid Encrypt must still
 * work; at the end the audit log must hold no plaintext or key material.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send } from '../../harness/client/raw-client.js';
import { signJsonRequest, type Credentials } from '../../harness/client/sign.js';
import { startServer, type RunningServer } from '../../reference-impl/server.js';
import { awsErrorProblem, CANARY, CREDENTIALS, JSON_TYPE, LeakScanner, readAudit, REGION } from './fuzz-kit.js';

const MiB = 1024 * 1024;
let server: RunningServer;
let dataDir: string;
let keyId: string;
const scanner = new LeakScanner();
const secret = () => Buffer.concat([Buffer.from(CANARY, 'latin1'), Buffer.from(` http ${Math.random()}`)]).toString('base64');

// ---- a tiny raw HTTP/1.1 client ------------------------------------------------------------------

interface HttpReply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Parses every complete response in `raw` (Content-Length framing; 1xx have none). */
function parseReplies(raw: Buffer): HttpReply[] {
  const out: HttpReply[] = [];
  let pos = 0;
  for (;;) {
    const end = raw.indexOf('\r\n\r\n', pos);
    if (end < 0) return out;
    const lines = raw.toString('latin1', pos, end).split('\r\n');
    const status = Number(lines[0]!.split(' ')[1]);
    const headers: Record<string, string> = {};
    for (const l of lines.slice(1)) {
      const c = l.indexOf(':');
      headers[l.slice(0, c).trim().toLowerCase()] = l.slice(c + 1).trim();
    }
    const len = status >= 100 && status < 200 ? 0 : Number(headers['content-length'] ?? 0);
    if (raw.length < end + 4 + len) return out;
    out.push({ status, headers, body: raw.toString('utf8', end + 4, end + 4 + len) });
    pos = end + 4 + len;
  }
}

interface Exchange {
  replies: HttpReply[];
  /** The server closed the connection. */
  closed: boolean;
  /** Bytes the client managed to write before the connection went away. */
  written: number;
}

/**
 * Opens a connection, runs `script` (which writes), and collects replies until `until` is
 * satisfied, the server closes, or `timeoutMs` passes. The socket is destroyed afterwards.
 */
async function exchange(
  script: (s: Socket, state: { closed: boolean; written: number }) => Promise<void> | void,
  until: (replies: HttpReply[]) => boolean = (r) => r.some((x) => x.status >= 200),
  timeoutMs = 5000,
): Promise<Exchange> {
  const sock = connect(server.port, server.host);
  sock.setNoDelay(true);
  await new Promise<void>((resolve, reject) => {
    sock.once('connect', resolve);
    sock.once('error', reject);
  });
  const chunks: Buffer[] = [];
  const state = { closed: false, written: 0 };
  sock.on('data', (d: Buffer) => chunks.push(d));
  sock.on('close', () => (state.closed = true));
  sock.on('error', () => (state.closed = true));
  const origWrite = sock.write.bind(sock) as (b: string | Buffer) => boolean;
  (sock as unknown as { write: (b: string | Buffer) => boolean }).write = (b) => {
    if (state.closed || sock.destroyed) return false;
    state.written += typeof b === 'string' ? Buffer.byteLength(b, 'latin1') : b.length;
    return origWrite(b);
  };
  const started = Date.now();
  await script(sock, state);
  while (!state.closed && !until(parseReplies(Buffer.concat(chunks))) && Date.now() - started < timeoutMs) await sleep(5);
  // A reply that announces `connection: close` is followed by the close: give it a moment.
  const announced = () => parseReplies(Buffer.concat(chunks)).some((r) => r.headers.connection === 'close');
  for (let i = 0; i < 100 && !state.closed && announced(); i++) await sleep(5);
  sock.destroy();
  return { replies: parseReplies(Buffer.concat(chunks)), closed: state.closed, written: state.written };
}

/** Request head + body as raw bytes. */
function rawRequest(head: { method?: string; url?: string; headers: Record<string, string> }, body: string | Buffer = ''): Buffer {
  const b = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  const headers = { ...head.headers };
  if (!Object.keys(headers).some((h) => h.toLowerCase() === 'transfer-encoding' || h.toLowerCase() === 'content-length')) {
    headers['content-length'] = String(b.length);
  }
  let text = `${head.method ?? 'POST'} ${head.url ?? '/'} HTTP/1.1\r\n`;
  for (const [k, v] of Object.entries(headers)) text += `${k}: ${v}\r\n`;
  return Buffer.concat([Buffer.from(`${text}\r\n`, 'latin1'), b]);
}

async function signed(
  op: string,
  body: string,
  opts: { credentials?: Credentials; region?: string; signingDate?: Date; extraHeaders?: Record<string, string>; target?: string } = {},
): Promise<{ headers: Record<string, string>; body: string }> {
  const s = await signJsonRequest({
    endpoint: server.url,
    region: opts.region ?? REGION,
    credentials: opts.credentials ?? CREDENTIALS,
    target: opts.target ?? `TrentService.${op}`,
    body,
    extraHeaders: opts.extraHeaders,
    signingDate: opts.signingDate,
  });
  return { headers: s.headers, body };
}

const encryptBody = () => JSON.stringify({ KeyId: keyId, Plaintext: secret() });

/** One complete request on a fresh connection; its single reply. */
async function once(bytes: Buffer): Promise<HttpReply> {
  const ex = await exchange((s) => void s.write(bytes));
  expect(ex.replies.length, 'a reply').toBeGreaterThan(0);
  return ex.replies.find((r) => r.status >= 200)!;
}

function expectAwsError(r: HttpReply, status: number, type: string, message?: RegExp): void {
  const problem = awsErrorProblem({ status: r.status, headers: r.headers, body: r.body });
  expect(problem, `${r.status} ${r.body}`).toBeUndefined();
  expect(r.status).toBe(status);
  const json = JSON.parse(r.body) as { __type: string; message?: string };
  expect(json.__type).toBe(type);
  if (message) expect(json.message).toMatch(message);
  expect(scanner.find(r.body)).toBeUndefined();
}

/** A valid Encrypt, through undici on a fresh request: the server is alive and correct. */
async function stillServes(): Promise<void> {
  const s = await signed('Encrypt', encryptBody());
  const r = await send(server.url, { headers: s.headers, body: s.body }, 5000);
  expect(r.status, r.text).toBe(200);
  expect(typeof (r.json as { CiphertextBlob?: unknown }).CiphertextBlob).toBe('string');
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'kmsbench-fuzz-http-'));
  server = await startServer({ port: 0, dataDir });
  const s = await signed('CreateKey', '{"Description":"http fuzz"}');
  const r = await send(server.url, { headers: s.headers, body: s.body });
  keyId = (r.json as { KeyMetadata: { KeyId: string } }).KeyMetadata.KeyId;
});

let closed = false;
async function closeServer(): Promise<void> {
  if (closed || !server) return;
  closed = true;
  await server.close();
}

afterAll(async () => {
  await closeServer();
  rmSync(dataDir, { recursive: true, force: true });
});

// ---- auth and protocol errors --------------------------------------------------------------

describe('auth and protocol errors get AWS JSON errors and leave the server serving', () => {
  const cases: Array<[string, () => Promise<Buffer>, number, string, RegExp?]> = [
    [
      'missing Authorization',
      async () => rawRequest({ headers: { host: 'x', 'content-type': JSON_TYPE, 'x-amz-target': 'TrentService.Encrypt' } }, encryptBody()),
      400,
      'MissingAuthenticationTokenException',
    ],
    [
      'broken signature',
      async () => {
        const s = await signed('Encrypt', encryptBody());
        s.headers.authorization = s.headers.authorization!.replace(/.$/, (c) => (c === '0' ? '1' : '0'));
        return rawRequest(s, s.body);
      },
      400,
      'InvalidSignatureException',
      /^The request signature we calculated does not match/,
    ],
    [
      'body changed after signing',
      async () => {
        const s = await signed('Encrypt', encryptBody());
        return rawRequest(s, s.body.replace('"KeyId"', '"KeyID"'));
      },
      400,
      'InvalidSignatureException',
    ],
    [
      'unknown access key',
      async () => {
        const s = await signed('Encrypt', encryptBody(), { credentials: { accessKeyId: 'AKIAFUZZUNKNOWN', secretAccessKey: 'x' } });
        return rawRequest(s, s.body);
      },
      400,
      'UnrecognizedClientException',
      /^The security token included in the request is invalid\.$/,
    ],
    [
      'expired date (10 minutes old)',
      async () => {
        const s = await signed('Encrypt', encryptBody(), { signingDate: new Date(Date.now() - 10 * 60_000) });
        return rawRequest(s, s.body);
      },
      400,
      'InvalidSignatureException',
      /^Signature expired: /,
    ],
    [
      // Another (valid) Region is served there (every Region at one endpoint); a scope that names
      // no Region at all is refused.
      'region scope that is not a Region',
      async () => {
        const s = await signed('Encrypt', encryptBody(), { region: 'AP_SOUTHEAST_2' });
        return rawRequest(s, s.body);
      },
      400,
      'InvalidSignatureException',
      /AP_SOUTHEAST_2/,
    ],
    [
      'unknown X-Amz-Target (signed)',
      async () => {
        const s = await signed('Encrypt', encryptBody(), { target: 'TrentService.EncryptEverything' });
        return rawRequest(s, s.body);
      },
      400,
      'UnknownOperationException',
    ],
    [
      'no X-Amz-Target at all',
      async () => rawRequest({ headers: { host: 'x', 'content-type': JSON_TYPE } }, '{}'),
      400,
      'UnknownOperationException',
    ],
    ...(['GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'] as const).map(
      (method): [string, () => Promise<Buffer>, number, string] => [
        `method ${method}`,
        async () => {
          const s = await signed('Encrypt', encryptBody());
          return rawRequest({ method, headers: s.headers }, s.body);
        },
        400,
        'UnknownOperationException',
      ],
    ),
    [
      'empty body (Encrypt of the empty structure)',
      async () => {
        const s = await signed('Encrypt', '');
        return rawRequest(s, '');
      },
      400,
      'ValidationException',
      /^2 validation errors detected: /,
    ],
    [
      'signed body that is not JSON',
      async () => {
        const s = await signed('Encrypt', `${CANARY} not json`);
        return rawRequest(s, s.body);
      },
      400,
      'SerializationException',
    ],
  ];

  it.each(cases)('%s', async (_label, make, status, type, message) => {
    expectAwsError(await once(await make()), status, type, message);
    await stillServes();
  });

  // Coral JSON services answer a non-JSON content type with UnknownOperationException (Kinesis
  // with application/octet-stream, disneystreaming/smithy4s#167; dynalite's recording of DynamoDB).
  it.each(['text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'application/octet-stream'])(
    'a signed Encrypt with Content-Type %s is refused as an unknown operation',
    async (contentType) => {
      const s = await signed('Encrypt', encryptBody(), { extraHeaders: { 'content-type': contentType } });
      const r = await once(rawRequest(s, s.body));
      expect(r.status).toBe(400);
      expect(JSON.parse(r.body).__type).toBe('UnknownOperationException');
    },
  );
});

// ---- body size --------------------------------------------------------------------------------

describe('body size limit (1 MiB)', () => {
  it('a declared Content-Length of 1 MiB + 1 gets 413 before any body byte is sent', async () => {
    const s = await signed('Encrypt', encryptBody());
    const head = rawRequest({ headers: { ...s.headers, 'content-length': String(MiB + 1) } });
    const ex = await exchange((sock) => void sock.write(head));
    expect(ex.replies.map((r) => r.status)).toEqual([413]);
    expectAwsErrorShape413(ex.replies[0]!);
    expect(ex.closed).toBe(true);
    await stillServes();
  });

  it('Expect: 100-continue with an oversized body gets 413, not 100', async () => {
    const s = await signed('Encrypt', encryptBody());
    const ex = await exchange((sock) => void sock.write(rawRequest({ headers: { ...s.headers, expect: '100-continue', 'content-length': String(2 * MiB) } })));
    expect(ex.replies.map((r) => r.status)).toEqual([413]);
    await stillServes();
  });

  it('exactly 1 MiB is read and answered by the service (ValidationException), not 413', async () => {
    const prefix = `{"KeyId":"${keyId}","Description":"`;
    const body = prefix + 'd'.repeat(MiB - prefix.length - 2) + '"}';
    expect(Buffer.byteLength(body)).toBe(MiB);
    const s = await signed('UpdateKeyDescription', body);
    expectAwsError(await once(rawRequest(s, body)), 400, 'ValidationException', /at 'description' failed to satisfy constraint: Member must have length less than or equal to 8192$/);
    await stillServes();
  });

  it('a chunked body (no Content-Length) of 1 MiB + 1 gets 413', async () => {
    const s = await signed('Encrypt', encryptBody());
    const headers: Record<string, string> = { ...s.headers, 'transfer-encoding': 'chunked' };
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const ex = await exchange(async (sock) => {
      sock.write(rawRequest({ headers }));
      for (let i = 0; i < 16; i++) sock.write(Buffer.concat([Buffer.from('10000\r\n'), chunk, Buffer.from('\r\n')]));
      sock.write('1\r\n \r\n0\r\n\r\n');
    });
    expect(ex.replies.map((r) => r.status)).toEqual([413]);
    expectAwsErrorShape413(ex.replies[0]!);
    expect(ex.closed).toBe(true);
    await stillServes();
  });

  it('an endless chunked body is cut off early: 413 and a closed connection long before 64 MiB', async () => {
    const headers = { host: 'x', 'content-type': JSON_TYPE, 'x-amz-target': 'TrentService.Encrypt', 'transfer-encoding': 'chunked' };
    const chunk = Buffer.concat([Buffer.from('10000\r\n'), Buffer.alloc(64 * 1024, 0x41), Buffer.from('\r\n')]);
    const ex = await exchange(
      async (sock, state) => {
        sock.write(rawRequest({ headers }));
        for (let i = 0; i < 1024 && !state.closed; i++) {
          if (!sock.write(chunk)) await Promise.race([new Promise((r) => sock.once('drain', r)), sleep(50)]);
        }
      },
      undefined,
      10_000,
    );
    expect(ex.replies.map((r) => r.status)).toEqual([413]);
    expect(ex.closed).toBe(true);
    // The server stops reading at the limit; what was written is bounded by socket buffers.
    expect(ex.written).toBeLessThan(16 * MiB);
    await stillServes();
  });

  it('a body of 1-byte chunks with long chunk extensions is bounded too', async () => {
    const headers = { host: 'x', 'content-type': JSON_TYPE, 'x-amz-target': 'TrentService.Encrypt', 'transfer-encoding': 'chunked' };
    const piece = Buffer.from(`1;${'e'.repeat(1000)}\r\na\r\n`.repeat(64));
    const ex = await exchange(
      async (sock, state) => {
        sock.write(rawRequest({ headers }));
        for (let i = 0; i < 256 && !state.closed; i++) {
          if (!sock.write(piece)) await Promise.race([new Promise((r) => sock.once('drain', r)), sleep(50)]);
        }
      },
      () => false,
      3000,
    );
    expect(ex.closed, 'the server gives up on the connection').toBe(true);
    expect(ex.written).toBeLessThan(12 * MiB);
    await stillServes();
  });

  // 50,000 one-byte chunks trickled in 8 KiB writes: decoded once, incrementally (the decoder's
  // own test in reference-impl/protocol/http1-server.test.ts checks it never rescans), and answered.
  it('a body of many tiny chunks trickled in is decoded and answered', async () => {
    const headers = { host: 'x', 'content-type': JSON_TYPE, 'x-amz-target': 'TrentService.Encrypt', 'transfer-encoding': 'chunked' };
    const chunked = Buffer.from(`${'1\r\na\r\n'.repeat(50_000)}0\r\n\r\n`);
    const ex = await exchange(async (sock, state) => {
      sock.write(rawRequest({ headers }));
      for (let i = 0; i < chunked.length && !state.closed; i += 8192) {
        sock.write(chunked.subarray(i, i + 8192));
        await sleep(0);
      }
    });
    expect(ex.replies.length).toBe(1);
    // Unsigned, so refused by auth — after the whole body was read.
    expect(JSON.parse(ex.replies[0]!.body).__type).toBe('MissingAuthenticationTokenException');
    await stillServes();
  });
});

function expectAwsErrorShape413(r: HttpReply): void {
  expect(r.headers['content-type']).toBe(JSON_TYPE);
  expect(JSON.parse(r.body)).toEqual({ __type: 'RequestEntityTooLargeException', message: `Request body is larger than ${MiB} bytes.` });
}

// ---- slow, partial, abandoned ----------------------------------------------------------------

describe('slow, partial and abandoned requests', () => {
  it('a valid Encrypt trickled in 40 pieces is served', async () => {
    const s = await signed('Encrypt', encryptBody());
    const bytes = rawRequest(s, s.body);
    const step = Math.ceil(bytes.length / 40);
    const ex = await exchange(async (sock) => {
      for (let i = 0; i < bytes.length; i += step) {
        sock.write(bytes.subarray(i, i + step));
        await sleep(5);
      }
    });
    expect(ex.replies.map((r) => r.status)).toEqual([200]);
  });

  it('a body cut short (client aborts) leaves the server serving', async () => {
    const s = await signed('Encrypt', encryptBody());
    const bytes = rawRequest(s, s.body);
    await exchange((sock) => void sock.write(bytes.subarray(0, bytes.length - 10)), () => false, 100);
    await stillServes();
  });

  it('a body cut short (client half-closes) gets no reply or an error, never a success', async () => {
    const s = await signed('Encrypt', encryptBody());
    const bytes = rawRequest(s, s.body);
    const ex = await exchange((sock) => void sock.end(bytes.subarray(0, bytes.length - 10)), () => false, 300);
    for (const r of ex.replies) expect(r.status).toBeGreaterThanOrEqual(400);
    await stillServes();
  });

  it('50 connections stuck mid-headers or mid-body do not delay a valid request', async () => {
    const s = await signed('Encrypt', encryptBody());
    const full = rawRequest(s, s.body);
    const stuck: Socket[] = [];
    try {
      for (let i = 0; i < 50; i++) {
        const sock = connect(server.port, server.host);
        sock.on('error', () => {});
        await new Promise((r) => sock.once('connect', r));
        sock.write(i % 2 === 0 ? full.subarray(0, 40) : full.subarray(0, full.length - 5));
        stuck.push(sock);
      }
      const t0 = Date.now();
      await stillServes();
      expect(Date.now() - t0).toBeLessThan(2000);
    } finally {
      for (const sock of stuck) sock.destroy();
    }
  });

  it('pipelined requests (bad, good, bad) are answered in order on one connection', async () => {
    const good = await signed('Encrypt', encryptBody());
    const bytes = Buffer.concat([
      rawRequest({ headers: { host: 'x', 'x-amz-target': 'TrentService.Encrypt', 'content-type': JSON_TYPE } }, '{}'),
      rawRequest(good, good.body),
      rawRequest({ headers: { host: 'x', 'x-amz-target': 'TrentService.Nope', 'content-type': JSON_TYPE } }, '{}'),
    ]);
    const ex = await exchange((sock) => void sock.write(bytes), (r) => r.length >= 3);
    expect(ex.replies.map((r) => r.status)).toEqual([400, 200, 400]);
    expect(ex.replies.map((r) => (r.status === 200 ? 'ok' : JSON.parse(r.body).__type))).toEqual([
      'MissingAuthenticationTokenException',
      'ok',
      'UnknownOperationException',
    ]);
  });
});

// ---- malformed HTTP ---------------------------------------------------------------------------

describe('malformed HTTP is refused and the connection closed', () => {
  const h = 'host: x\r\ncontent-type: application/x-amz-json-1.1\r\nx-amz-target: TrentService.Encrypt\r\n';
  // 501 (unknown transfer coding) and 505 (HTTP version) are what RFC 9112 prescribes.
  const cases: Array<[string, string | Buffer, number[]]> = [
    ['garbage request line', 'HELLO\r\n\r\n', [400]],
    ['request line with extra spaces', 'POST  /  HTTP/1.1\r\n\r\n', [400]],
    ['header without colon', `POST / HTTP/1.1\r\n${h}broken header\r\n\r\n`, [400]],
    ['space before the colon', `POST / HTTP/1.1\r\n${h}content-length : 2\r\n\r\n{}`, [400]],
    ['obsolete line folding', `POST / HTTP/1.1\r\n${h}x-a: a\r\n b\r\ncontent-length: 2\r\n\r\n{}`, [400]],
    ['negative Content-Length', `POST / HTTP/1.1\r\n${h}content-length: -1\r\n\r\n`, [400]],
    ['hex Content-Length', `POST / HTTP/1.1\r\n${h}content-length: 0x10\r\n\r\n`, [400]],
    ['two different Content-Lengths', `POST / HTTP/1.1\r\n${h}content-length: 2\r\ncontent-length: 3\r\n\r\n{}`, [400]],
    ['Content-Length and Transfer-Encoding', `POST / HTTP/1.1\r\n${h}content-length: 2\r\ntransfer-encoding: chunked\r\n\r\n{}`, [400]],
    ['Transfer-Encoding: gzip', `POST / HTTP/1.1\r\n${h}transfer-encoding: gzip\r\n\r\n`, [400, 501]],
    ['chunk size not hex', `POST / HTTP/1.1\r\n${h}transfer-encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n`, [400]],
    ['chunk size over 32 bits', `POST / HTTP/1.1\r\n${h}transfer-encoding: chunked\r\n\r\nFFFFFFFFF\r\n`, [400, 413]],
    ['chunk without its CRLF', `POST / HTTP/1.1\r\n${h}transfer-encoding: chunked\r\n\r\n2\r\n{}XX0\r\n\r\n`, [400]],
    ['HTTP/2 preface', 'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n', [400, 505]],
    ['HTTP/0.9', 'GET /\r\n\r\n', [400]],
    ['header block over 16 KiB', `POST / HTTP/1.1\r\n${h}x-big: ${'a'.repeat(17 * 1024)}\r\n\r\n`, [431, 400]],
    ['200 headers', `POST / HTTP/1.1\r\n${h}${Array.from({ length: 200 }, (_, i) => `x-h${i}: v`).join('\r\n')}\r\n\r\n`, [431, 400]],
    ['invalid header name', `POST / HTTP/1.1\r\n${h}x(a): b\r\ncontent-length: 0\r\n\r\n`, [400]],
  ];

  it.each(cases)('%s', async (_label, bytes, statuses) => {
    const ex = await exchange((sock) => void sock.write(typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes));
    expect(ex.replies.length, 'a reply').toBe(1);
    expect(statuses).toContain(ex.replies[0]!.status);
    expect(ex.closed).toBe(true);
    await stillServes();
  });

  it('random bytes never crash the server', async () => {
    for (let i = 0; i < 40; i++) {
      const junk = Buffer.from(Array.from({ length: 1 + ((i * 97) % 3000) }, (_, j) => (i * 31 + j * 17 + (j >> 3)) & 0xff));
      await exchange((sock) => void sock.write(i % 2 ? Buffer.concat([Buffer.from('POST / HTTP/1.1\r\n'), junk]) : junk), () => false, 30);
    }
    await stillServes();
  });

  // RFC 9110 9.3.2: a HEAD response has no content; a body would be read by the client as the
  // start of the next response (framing desync).
  it('a HEAD reply has no body', async () => {
    const sock = connect(server.port, server.host);
    const bytes: Buffer[] = [];
    sock.on('data', (d: Buffer) => bytes.push(d));
    sock.write('HEAD / HTTP/1.1\r\nhost: x\r\n\r\n');
    await sleep(300);
    sock.destroy();
    const text = Buffer.concat(bytes).toString('latin1');
    // One reply head (it may announce the length a GET would have), then nothing.
    expect(text).toMatch(/^HTTP\/1\.1 \d{3} [^\r]*\r\n/);
    expect(text.indexOf('\r\n\r\n')).toBe(text.length - 4);
  });
});

// ---- load of bad requests -----------------------------------------------------------------------

describe('many concurrent bad requests', () => {
  it('300 at once all get 4xx AWS errors (or 413), and the server keeps serving', async () => {
    const kinds = [
      async () => ({ headers: { 'content-type': JSON_TYPE, 'x-amz-target': 'TrentService.Encrypt' }, body: encryptBody() }),
      async () => {
        const s = await signed('Encrypt', `{"KeyId":"${keyId}","Plaintext":"${CANARY}!"}`);
        return { headers: s.headers, body: s.body };
      },
      async () => {
        const s = await signed('Decrypt', '{"CiphertextBlob":"AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyAhIiMkJSYnKCkqKywtLi8wMQ=="}');
        return { headers: s.headers, body: s.body };
      },
      async () => {
        const s = await signed('DescribeKey', '{"KeyId":"alias/zz-nope"}');
        return { headers: s.headers, body: s.body };
      },
      async () => {
        const s = await signed('Encrypt', encryptBody(), { signingDate: new Date(Date.now() - 3600_000) });
        return { headers: s.headers, body: s.body };
      },
      async () => ({ headers: { 'content-type': JSON_TYPE, 'x-amz-target': 'TrentService.Nope' }, body: '{'.repeat(1000) }),
      async () => ({ headers: { 'content-type': JSON_TYPE, 'x-amz-target': 'TrentService.Encrypt' }, body: 'x'.repeat(MiB + 10) }),
    ];
    const results = await Promise.all(
      Array.from({ length: 300 }, async (_, i) => {
        const req = await kinds[i % kinds.length]!();
        try {
          const r = await send(server.url, { headers: req.headers, body: req.body }, 10_000);
          return { i, status: r.status, headers: r.headers, body: r.text };
        } catch (e) {
          // Only the oversized upload may lose its reply (the server closes mid-body).
          return { i, status: -1, headers: {}, body: String(e) };
        }
      }),
    );
    for (const r of results) {
      const oversized = r.i % kinds.length === kinds.length - 1;
      if (oversized) {
        expect([413, -1], r.body).toContain(r.status);
        continue;
      }
      expect(awsErrorProblem({ status: r.status, headers: r.headers, body: r.body }), `${r.i}: ${r.status} ${r.body}`).toBeUndefined();
      expect(scanner.find(r.body)).toBeUndefined();
    }
    await stillServes();
  });
});

// ---- afterwards ---------------------------------------------------------------------------------

describe('after the run', () => {
  it('a refused request is in the audit log within ~100 ms, while the server runs', async () => {
    const r = await once(rawRequest({ headers: { host: 'x', 'content-type': JSON_TYPE, 'x-amz-target': 'TrentService.Encrypt' } }, encryptBody()));
    const id = r.headers['x-amzn-requestid']!;
    const t0 = Date.now();
    let seenAfter = -1;
    while (Date.now() - t0 < 2000) {
      if (readFileSync(join(dataDir, 'audit.log'), 'utf8').includes(id)) {
        seenAfter = Date.now() - t0;
        break;
      }
      await sleep(10);
    }
    expect(seenAfter, 'ms until the line was written').toBeGreaterThanOrEqual(0);
    expect(seenAfter).toBeLessThan(500);
  });

  it('the audit log is valid JSON lines with no plaintext or key material', async () => {
    await closeServer(); // flushes the audit log
    const master = readFileSync(join(dataDir, 'master.key'));
    scanner.addBytes('master key', master.length === 32 ? master : Buffer.from(master.toString().trim(), 'base64'));
    const audit = readAudit(join(dataDir, 'audit.log'));
    expect(audit.bad).toEqual([]);
    expect(audit.lines.length).toBeGreaterThan(100);
    expect(scanner.find(audit.text)).toBeUndefined();
    expect(audit.lines.some((l) => l.errorCode === 'InvalidSignatureException')).toBe(true);
    expect(audit.lines.some((l) => l.errorCode === 'MissingAuthenticationTokenException')).toBe(true);
  });
});
