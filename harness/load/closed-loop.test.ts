import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { runClosedLoop } from './closed-loop.js';

let server: Server | undefined;
afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  server = createServer(handler);
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const request = (target: string) => ({ headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `TrentService.${target}` }, body: '{}' });

describe('the closed-loop client', () => {
  it('cycles a sequence of requests over its connections and counts replies per request', async () => {
    const url = await serve((req, res) => {
      req.resume();
      req.on('end', () => {
        const throttled = req.headers['x-amz-target'] === 'TrentService.Encrypt';
        const body = JSON.stringify(throttled ? { __type: 'ThrottlingException', message: 'slow down' } : {});
        res.writeHead(throttled ? 400 : 200, { 'content-length': Buffer.byteLength(body) }).end(body);
      });
    });
    const r = await runClosedLoop({ url, connections: 2, durationMs: 300, requests: [request('Encrypt'), request('DescribeKey')], sequence: [0, 1, 1, 1] });
    const [enc, desc] = r.byRequest;
    expect(r.requests).toBe(enc!.requests + desc!.requests);
    expect(enc!.throttled).toBe(enc!.requests);
    expect(desc!.succeeded).toBe(desc!.requests);
    expect(desc!.requests).toBeGreaterThan(2 * enc!.requests);
    expect(r.statuses[400]).toBe(enc!.requests);
    expect(r.errors).toBe(0);
    expect(r.latencyMs.p99).toBeGreaterThan(0);
  });

  it('reads chunked replies and carries on when the server closes the connection after a reply', async () => {
    const url = await serve((req, res) => {
      req.resume();
      // No content-length: node sends the body chunked; every other reply closes the connection.
      req.on('end', () => res.writeHead(200, Math.random() < 0.5 ? { connection: 'close' } : {}).end('{"KeyMetadata":{}}'));
    });
    const r = await runClosedLoop({ url, connections: 2, durationMs: 300, requests: [request('DescribeKey')] });
    expect(r.requests).toBeGreaterThan(10);
    expect(r.byRequest[0]!.succeeded).toBe(r.requests);
    expect(r.errors).toBe(0);
  });

  it('counts connections the server resets as errors and replaces them', async () => {
    let n = 0;
    const url = await serve((req, res) => {
      req.resume();
      req.on('end', () => (++n % 3 === 0 ? req.socket.destroy() : res.writeHead(200, { 'content-length': 2 }).end('{}')));
    });
    const r = await runClosedLoop({ url, connections: 2, durationMs: 300, requests: [request('DescribeKey')] });
    expect(r.requests).toBeGreaterThan(10);
    expect(r.errors).toBeGreaterThan(0);
  });

  it('an endpoint that refuses connections gives errors, not an exception', async () => {
    const url = await serve(() => {});
    await new Promise<void>((r) => server!.close(() => r()));
    server = undefined;
    const r = await runClosedLoop({ url, connections: 1, durationMs: 250, requests: [request('DescribeKey')] });
    expect(r.requests).toBe(0);
    expect(r.errors).toBeGreaterThan(0);
  });
});
