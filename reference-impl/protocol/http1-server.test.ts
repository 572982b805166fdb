import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeHttp1Server, createHttp1Server, decodeChunked, type ChunkScan, type Http1Request } from './http1-server.js';

describe('decodeChunked', () => {
  it('resumes where it stopped: fed byte by byte, each chunk is decoded exactly once', () => {
    const chunks = ['a', 'bc', 'def', 'x'.repeat(300)];
    const wire = Buffer.from(`${chunks.map((c) => `${c.length.toString(16)};ext=1\r\n${c}\r\n`).join('')}0\r\nTrailer: t\r\n\r\n`);
    const scan: ChunkScan = { pos: 0, parts: [], size: 0 };
    let result;
    let lastPos = 0;
    for (let n = 1; n <= wire.length && !result; n++) {
      result = decodeChunked(wire.subarray(0, n), scan, 1 << 20);
      expect(scan.pos).toBeGreaterThanOrEqual(lastPos);
      lastPos = scan.pos;
    }
    expect(result).toEqual({ body: Buffer.from(chunks.join('')), end: wire.length });
    expect(scan.parts.length).toBe(chunks.length);
  });

  it('refuses a body over the limit and malformed sizes', () => {
    expect(decodeChunked(Buffer.from('10\r\n'), { pos: 0, parts: [], size: 0 }, 8)).toBe('too-large');
    expect(() => decodeChunked(Buffer.from('zz\r\n'), { pos: 0, parts: [], size: 0 }, 8)).toThrow(/chunk size/);
    expect(() => decodeChunked(Buffer.from('1\r\naXX'), { pos: 0, parts: [], size: 0 }, 8)).toThrow(/malformed chunk/);
  });
});

describe('createHttp1Server', () => {
  const seen: Http1Request[] = [];
  let port = 0;
  const server = createHttp1Server(
    (req) => {
      seen.push(req);
      const reply = { status: 200, headers: { 'content-type': 'text/plain' }, body: `${req.method} ${req.url} ${req.body.toString()}` };
      // Requests for /slow answer later: later pipelined replies must still come in order.
      return req.url === '/slow' ? new Promise((r) => setTimeout(() => r(reply), 30)) : reply;
    },
    {
      maxBodyBytes: 64,
      tooLarge: () => ({ status: 413, headers: { 'content-type': 'text/plain' }, body: 'too large' }),
    },
  );
  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => closeHttp1Server(server));

  /** Writes `wire`, waits until the server closes or `expect` replies arrived, returns the raw text. */
  function talk(wire: string | Buffer[], expectReplies: number): Promise<string> {
    return new Promise((resolve, reject) => {
      const s = connect(port, '127.0.0.1');
      let text = '';
      let quiet: NodeJS.Timeout | undefined;
      const done = () => {
        s.destroy();
        resolve(text);
      };
      s.on('data', (d) => {
        text += d.toString('latin1');
        // Once enough status lines arrived, finish after 50 ms without more data.
        clearTimeout(quiet);
        if ((text.match(/HTTP\/1\.1 \d{3} /g) ?? []).length >= expectReplies) quiet = setTimeout(done, 50);
      });
      s.on('close', done);
      s.on('error', reject);
      if (typeof wire === 'string') s.write(wire);
      else void (async () => {
        for (const b of wire) {
          s.write(b);
          await new Promise((r) => setTimeout(r, 2));
        }
      })();
    });
  }

  it('answers pipelined requests in order, even when an earlier one answers late', async () => {
    const text = await talk(
      'POST /slow HTTP/1.1\r\nhost: x\r\ncontent-length: 1\r\n\r\nAPOST /fast HTTP/1.1\r\nhost: x\r\ncontent-length: 1\r\n\r\nB',
      2,
    );
    expect(text.indexOf('POST /slow A')).toBeGreaterThan(0);
    expect(text.indexOf('POST /fast B')).toBeGreaterThan(text.indexOf('POST /slow A'));
  });

  it('decodes chunked bodies that arrive in pieces', async () => {
    const text = await talk(
      [Buffer.from('POST /c HTTP/1.1\r\nhost: x\r\ntransfer-encoding: chunked\r\n\r\n3\r\nab'), Buffer.from('c\r\n2\r\nde\r'), Buffer.from('\n0\r\n\r\n')],
      1,
    );
    expect(text).toContain('POST /c abcde');
  });

  it('sends 100 Continue when asked and the body has not arrived', async () => {
    // The body goes out only once 100 Continue came back: sent a few ms after the headers, it could
    // arrive with them on a busy machine, and then no 100 Continue is due.
    const text = await new Promise<string>((resolve, reject) => {
      const s = connect(port, '127.0.0.1');
      let got = '';
      s.on('data', (d) => {
        const before = got;
        got += d.toString('latin1');
        if (!before.includes('100 Continue') && got.includes('100 Continue\r\n\r\n')) s.write('hi');
        if (got.includes('POST /e hi')) {
          s.destroy();
          resolve(got);
        }
      });
      s.on('error', reject);
      s.write('POST /e HTTP/1.1\r\nhost: x\r\nexpect: 100-continue\r\ncontent-length: 2\r\n\r\n');
    });
    expect(text.startsWith('HTTP/1.1 100 Continue\r\n\r\n')).toBe(true);
    expect(text).toContain('POST /e hi');
  });

  it('refuses a declared body over the limit with 413 and closes', async () => {
    const text = await talk('POST / HTTP/1.1\r\nhost: x\r\ncontent-length: 65\r\n\r\n', 1);
    expect(text).toMatch(/^HTTP\/1\.1 413 /);
    expect(text).toContain('connection: close');
  });

  it('refuses a chunked body over the limit with 413', async () => {
    const text = await talk(`POST / HTTP/1.1\r\nhost: x\r\ntransfer-encoding: chunked\r\n\r\n41\r\n${'a'.repeat(65)}\r\n`, 1);
    expect(text).toMatch(/^HTTP\/1\.1 413 /);
  });

  it('answers HEAD without a body', async () => {
    const text = await talk('HEAD /h HTTP/1.1\r\nhost: x\r\n\r\n', 1);
    expect(text).toMatch(/content-length: 8\r\n/); // "HEAD /h " would be the body
    expect(text.endsWith('\r\n\r\n')).toBe(true);
  });

  it.each([
    ['a malformed request line', 'GARBAGE\r\n\r\n', 400],
    ['an unsupported HTTP version', 'POST / HTTP/2.0\r\n\r\n', 505],
    ['a malformed header', 'POST / HTTP/1.1\r\nno colon here\r\n\r\n', 400],
    ['both content-length and chunked', 'POST / HTTP/1.1\r\ncontent-length: 1\r\ntransfer-encoding: chunked\r\n\r\n', 400],
    ['a bad content-length', 'POST / HTTP/1.1\r\ncontent-length: -1\r\n\r\n', 400],
  ])('answers %s with %s and closes', async (_what, wire, status) => {
    const text = await talk(wire, 1);
    expect(text.startsWith(`HTTP/1.1 ${status} `)).toBe(true);
    expect(text).toContain('connection: close');
  });

  it('closes after the reply when the client asks to', async () => {
    const text = await talk('POST /k HTTP/1.1\r\nhost: x\r\nconnection: close\r\ncontent-length: 0\r\n\r\n', 1);
    expect(text).toContain('connection: close');
  });
});

describe('createHttp1Server deadlines, connection cap and the write hook', () => {
  const handled = new Set<string>();
  /** Requests handled before the last `beforeWrite` call: the only ones whose replies may be out. */
  let flushed = new Set<string>();
  let hookCalls = 0;
  let port = 0;
  const server = createHttp1Server(
    (req) => {
      handled.add(req.url);
      const reply = { status: 200, headers: { 'content-type': 'text/plain' }, body: `ok ${req.url}` };
      return req.url.startsWith('/slow') ? new Promise((r) => setTimeout(() => r(reply), 700)) : reply;
    },
    {
      maxBodyBytes: 1024,
      tooLarge: () => ({ status: 413, headers: {}, body: '' }),
      headersTimeoutMs: 200,
      requestTimeoutMs: 500,
      timedOut: () => ({ status: 408, headers: { 'content-type': 'application/json' }, body: '{"__type":"RequestTimeoutException"}' }),
      maxConnections: 4,
      beforeWrite: () => {
        hookCalls++;
        flushed = new Set(handled);
      },
    },
  );
  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => closeHttp1Server(server));

  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  /** A client connection: what it received, when the server closed it (ms after connect). */
  function client(): { write(s: string): void; text: () => string; closedAfter: Promise<number>; destroy(): void } {
    const started = Date.now();
    const s = connect(port, '127.0.0.1');
    let text = '';
    s.on('data', (d) => (text += d.toString('latin1')));
    s.on('error', () => {});
    const closedAfter = new Promise<number>((r) => s.on('close', () => r(Date.now() - started)));
    return { write: (w) => void s.write(w), text: () => text, closedAfter, destroy: () => s.destroy() };
  }

  it('answers 408 and closes a connection that sends nothing (header deadline from connect)', async () => {
    const c = client();
    const ms = await c.closedAfter;
    expect(c.text()).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
    expect(c.text()).toContain('connection: close');
    expect(c.text()).toContain('RequestTimeoutException');
    expect(ms).toBeGreaterThanOrEqual(190);
  });

  it('cuts a header trickled byte by byte (each byte would reset an idle timeout)', async () => {
    const c = client();
    const wire = 'POST /t HTTP/1.1\r\nhost: x\r\nx-long: ' + 'y'.repeat(100);
    let closed = false;
    void c.closedAfter.then(() => (closed = true));
    for (let i = 0; i < wire.length && !closed; i++) {
      c.write(wire[i]!);
      await sleep(20);
    }
    expect(closed).toBe(true);
    expect(c.text()).toMatch(/^HTTP\/1\.1 408 /);
    expect(handled.has('/t')).toBe(false);
  });

  it('cuts a body trickled after a complete head at the request deadline, not the header deadline', async () => {
    const c = client();
    c.write('POST /b HTTP/1.1\r\nhost: x\r\ncontent-length: 500\r\n\r\n');
    let closed = false;
    void c.closedAfter.then(() => (closed = true));
    for (let i = 0; i < 500 && !closed; i++) {
      c.write('a');
      await sleep(20);
    }
    const ms = await c.closedAfter;
    expect(c.text()).toMatch(/^HTTP\/1\.1 408 /);
    expect(ms).toBeGreaterThanOrEqual(490);
  });

  it('does not time out a keep-alive connection idle between requests, nor a request whose reply is slow', async () => {
    const c = client();
    c.write('POST /k1 HTTP/1.1\r\nhost: x\r\ncontent-length: 0\r\n\r\n');
    await sleep(700); // between requests: only the idle timeout applies
    c.write('POST /slow-k2 HTTP/1.1\r\nhost: x\r\ncontent-length: 0\r\n\r\n'); // answered after 700 ms
    for (let i = 0; i < 100 && !c.text().includes('ok /slow-k2'); i++) await sleep(20);
    expect(c.text()).toContain('ok /k1');
    expect(c.text()).toContain('ok /slow-k2');
    expect(c.text()).not.toContain(' 408 ');
    c.destroy();
  });

  it('closes connections over the cap at once, and accepts again once one closed', async () => {
    const held = [client(), client(), client(), client()];
    for (const h of held) h.write('POST /hold HTTP/1.1\r\nhost: x\r\ncontent-length: 0\r\n\r\n');
    await sleep(50);
    const over = client();
    expect(await over.closedAfter).toBeLessThan(150);
    expect(over.text()).toBe('');
    held[0]!.destroy();
    await held[0]!.closedAfter;
    await sleep(20);
    const again = client();
    again.write('POST /again HTTP/1.1\r\nhost: x\r\ncontent-length: 0\r\n\r\n');
    for (let i = 0; i < 50 && !again.text().includes('ok /again'); i++) await sleep(10);
    expect(again.text()).toContain('ok /again');
    for (const h of [...held, again]) h.destroy();
  });

  it('runs the write hook once per turn, after the handlers and before their replies go out', async () => {
    await sleep(50);
    const calls0 = hookCalls;
    const wire = Array.from({ length: 20 }, (_, i) => `POST /p${i} HTTP/1.1\r\nhost: x\r\ncontent-length: 0\r\n\r\n`).join('');
    const clients = [client(), client(), client()];
    const early: string[] = [];
    for (const [n, c] of clients.entries()) c.write(wire.replaceAll('/p', `/c${n}p`));
    for (let i = 0; i < 100 && clients.some((c) => (c.text().match(/ok \//g) ?? []).length < 20); i++) {
      for (const c of clients) for (const m of c.text().matchAll(/ok (\S+)/g)) if (!flushed.has(m[1]!)) early.push(m[1]!);
      await sleep(10);
    }
    for (const c of clients) expect((c.text().match(/ok \//g) ?? []).length).toBe(20);
    expect(early).toEqual([]);
    // 60 requests from three connections: one hook call per turn, not per request.
    expect(hookCalls - calls0).toBeGreaterThan(0);
    expect(hookCalls - calls0).toBeLessThanOrEqual(6);
    for (const c of clients) c.destroy();
  });
});
