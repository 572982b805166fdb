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
