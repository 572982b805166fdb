import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mixSequence } from './saturate.js';
import { runSaturateJob } from './threads.js';

describe('closed-loop saturation', () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    // DescribeKey always succeeds; every Encrypt is throttled.
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        const throttled = req.headers['x-amz-target'] === 'TrentService.Encrypt';
        const body = JSON.stringify(throttled ? { __type: 'ThrottlingException', message: 'slow down' } : { KeyMetadata: {} });
        res.writeHead(throttled ? 400 : 200, { 'content-type': 'application/x-amz-json-1.1', 'content-length': Buffer.byteLength(body) });
        res.end(body);
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it.each([0, 1])('counts throughput and throttling per operation (threads: %i)', async (threads) => {
    const t = (op: string) => ({ operation: op, headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `TrentService.${op}` }, body: '{}' });
    const r = await runSaturateJob({ url, templates: [t('Encrypt'), t('DescribeKey')], weights: [1, 3], connections: 4, durationMs: 1000 }, threads);
    expect(r.requests).toBeGreaterThan(0);
    expect(r.rps.mean).toBeGreaterThan(0);
    const [enc, desc] = r.byOperation;
    expect(enc!.throttled).toBe(enc!.requests);
    expect(desc!.succeeded).toBe(desc!.requests);
    expect(r.throttled).toBe(enc!.requests);
    expect(r.errorReplies).toBe(0);
    expect(desc!.requests).toBeGreaterThan(enc!.requests); // 3:1 mix
  });

  it('builds a shuffled, weight-proportional sequence', () => {
    const seq = mixSequence([1, 3], 100, 7);
    expect(seq.filter((i) => i === 0)).toHaveLength(25);
    expect(seq.filter((i) => i === 1)).toHaveLength(75);
    expect(seq.slice(0, 25)).not.toEqual(Array(25).fill(0));
  });
});
