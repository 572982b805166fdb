/**
 * Generated HTTP abuse for the protocol fuzzer: odd methods and versions, header floods,
 * content types, chunked bodies (valid, split anywhere, malformed), truncated bodies,
 * pipelines, bodies past the limit, smuggling-shaped framing, and random bytes. Each case is
 * a script of raw bytes for {@link exchange}; whatever the server answers must not be a 5xx
 * (other than the protocol's own 501/505) and must leave it serving.
 *
 * @module
 */
import fc from 'fast-check';
import { requestBytes, type Script } from './raw-http.js';

export interface AbuseCase {
  label: string;
  script: Script;
}

export interface Base {
  headers: Record<string, string>;
  body: string;
}

const MiB = 1024 * 1024;
const token = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz-0123456789'), minLength: 1, maxLength: 20 });
const headerValue = fc.string({ unit: 'binary-ascii', maxLength: 200 }).map((s) => s.replace(/[\r\n]/g, ' '));

const headersOf = (base: Base, drop: string[] = []): Array<[string, string]> =>
  Object.entries(base.headers).filter(([k]) => !drop.includes(k.toLowerCase()) && k.toLowerCase() !== 'content-length');

/** A chunked encoding of `body` split at `cuts`, with optional chunk extensions and a trailer. */
function chunked(body: Buffer, cuts: number[], ext: boolean, trailer: boolean): Buffer {
  const points = [...new Set(cuts.map((c) => c % (body.length + 1)))].sort((a, b) => a - b);
  const parts: Buffer[] = [];
  let prev = 0;
  for (const p of [...points, body.length]) {
    if (p <= prev) continue;
    parts.push(Buffer.from(`${(p - prev).toString(16)}${ext ? ';x=y' : ''}\r\n`), body.subarray(prev, p), Buffer.from('\r\n'));
    prev = p;
  }
  parts.push(Buffer.from(`0\r\n${trailer ? 'x-trailer: 1\r\n' : ''}\r\n`));
  return Buffer.concat(parts);
}

/** Splits bytes into 1..n pieces at random places. */
const split = (bytes: Buffer, cuts: number[]): Buffer[] => {
  const points = [...new Set(cuts.map((c) => c % bytes.length))].filter((c) => c > 0).sort((a, b) => a - b);
  const out: Buffer[] = [];
  let prev = 0;
  for (const p of [...points, bytes.length]) {
    out.push(bytes.subarray(prev, p));
    prev = p;
  }
  return out;
};

export function abuseCases(base: Base): fc.Arbitrary<AbuseCase> {
  const body = Buffer.from(base.body);
  const hs = headersOf(base);
  const one = (label: string, bytes: Buffer, extra: Partial<Script> = {}): AbuseCase => ({ label, script: { pieces: [bytes], ...extra } });
  return fc.oneof(
    fc.constantFrom('GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'TRACE', 'CONNECT', 'PRI', 'FOO', 'post', 'P\u00d6ST').map((m) => one(`method ${m}`, requestBytes({ method: m, headers: hs }, body))),
    fc.constantFrom('HTTP/1.0', 'HTTP/2.0', 'HTTP/0.9', 'HTTP/1.2', 'HTTPS/1.1', 'http/1.1', '').map((v) => one(`version ${JSON.stringify(v)}`, requestBytes({ version: v, headers: hs }, body))),
    fc.constantFrom('*', 'http://127.0.0.1/', '//', '/?' + 'q'.repeat(20_000), '/%00', '/\u00ff', 'x').map((u) => one(`url ${u.slice(0, 20)}`, requestBytes({ url: u, headers: hs }, body))),
    fc.integer({ min: 50, max: 400 }).chain((n) => fc.array(fc.tuple(token, headerValue), { minLength: n, maxLength: n })).map((extra) => one(`${extra.length} extra headers`, requestBytes({ headers: [...hs, ...extra] }, body))),
    fc.integer({ min: 4, max: 96 }).map((kib) => one(`one header of ${kib} KiB`, requestBytes({ headers: [...hs, ['x-big', 'a'.repeat(kib * 1024)]] }, body))),
    fc.integer({ min: 1, max: 2000 }).map((n) => one(`${n} repeated x-amz-target headers`, requestBytes({ headers: [...hs, ...Array.from({ length: n }, (): [string, string] => ['x-amz-target', 'TrentService.Encrypt'])] }, body))),
    fc.oneof(fc.constantFrom('application/json', 'text/plain', 'application/x-amz-json-1.0', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', '', ';', 'application/x-amz-json-1.1; charset=utf-16'), headerValue).map((ct) =>
      one(`content-type ${JSON.stringify(ct.slice(0, 30))}`, requestBytes({ headers: [...headersOf(base, ['content-type']), ['content-type', ct]] }, body)),
    ),
    fc.tuple(fc.array(fc.nat(), { maxLength: 12 }), fc.boolean(), fc.boolean(), fc.array(fc.nat(), { maxLength: 6 })).map(([cuts, ext, trailer, wire]) =>
      ({ label: 'chunked body, split', script: { pieces: split(Buffer.concat([requestBytes({ headers: [...hs, ['transfer-encoding', 'chunked']] }, '', false), chunked(body, cuts, ext, trailer)]), wire) } }),
    ),
    fc.constantFrom('zz\r\n', '-1\r\n', 'fffffffffffffffffff\r\n', '5\r\nab', '3\r\nabcde\r\n0\r\n\r\n', '0\r\n', '\r\n\r\n', '1;' + 'e'.repeat(20000) + '\r\n').map((c) =>
      one(`malformed chunk ${JSON.stringify(c.slice(0, 16))}`, requestBytes({ headers: [...hs, ['transfer-encoding', 'chunked']] }, c, false)),
    ),
    fc.constantFrom<Array<[string, string]>>(
      [['content-length', '10'], ['transfer-encoding', 'chunked']],
      [['content-length', '10'], ['content-length', '11']],
      [['content-length', '-1']],
      [['content-length', '1e3']],
      [['content-length', ' 99999999999999999999']],
      [['transfer-encoding', 'chunked, identity']],
      [['transfer-encoding', 'gzip']],
      [['transfer-encoding', ' chunked']],
      [['expect', '100-continue'], ['content-length', String(2 * MiB)]],
    ).map((framing) => one(`framing ${JSON.stringify(framing).slice(0, 60)}`, requestBytes({ headers: [...hs, ...framing] }, body, false))),
    fc.nat({ max: 1000 }).map((keep) =>
      one(`truncated body (${keep} of ${body.length} bytes)`, Buffer.concat([requestBytes({ headers: [...hs, ['content-length', String(body.length + 1000)]] }, '', false), body.subarray(0, keep % (body.length + 1))])),
    ),
    fc.array(fc.boolean(), { minLength: 2, maxLength: 24 }).map((good) => ({
      label: `pipeline of ${good.length}`,
      script: {
        pieces: [Buffer.concat(good.map((g) => (g ? requestBytes({ headers: hs }, body) : requestBytes({ headers: [['content-type', 'application/x-amz-json-1.1'], ['x-amz-target', 'TrentService.Encrypt']] }, '{}'))))],
        replies: good.length,
      },
    })),
    fc.integer({ min: 1, max: 4 }).map((mib) => one(`declared body of ${mib} MiB + 1`, requestBytes({ headers: [...hs, ['content-length', String(mib * MiB + 1)]] }, '', false), { end: false })),
    fc.integer({ min: 1, max: 3 }).map((mib) => one(`chunked body of ${mib} MiB + 1`, Buffer.concat([requestBytes({ headers: [...hs, ['transfer-encoding', 'chunked']] }, '', false), chunked(Buffer.alloc(mib * MiB + 1, 0x41), [64 * 1024, MiB], false, false)]))),
    fc.uint8Array({ minLength: 1, maxLength: 4096 }).map((u) => one('random bytes', Buffer.from(u))),
    fc.uint8Array({ minLength: 1, maxLength: 512 }).map((u) => one('request line then random bytes', Buffer.concat([Buffer.from('POST / HTTP/1.1\r\n'), Buffer.from(u)]))),
  );
}
