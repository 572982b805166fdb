/**
 * The raw open-model generator against fake servers with known behaviour. No assertion depends on
 * how fast this machine is: counts follow from the schedule, and latency bounds from what the
 * server itself observed.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { runOpenLoop, runRawOpenModel, type RawTemplate } from './open-loop.js';
import { summarize } from './histogram.js';
import { runResult, verdict } from './result.js';
import { runOpenJob } from './threads.js';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => (s.closeAllConnections(), s.close(r)))));
});

async function fakeServer(handler: (req: IncomingMessage, res: ServerResponse, body: string) => void): Promise<string> {
  const server = createServer({ keepAlive: true }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handler(req, res, Buffer.concat(chunks).toString()));
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const reply = (res: ServerResponse, status: number, body: object) => {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', 'content-length': Buffer.byteLength(text) });
  res.end(text);
};

const template = (operation = 'Encrypt'): RawTemplate => ({ operation, headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `TrentService.${operation}` }, body: '{}' });

describe('raw open-model generator', () => {
  it('keeps offering at the scheduled rate while the server stalls, and charges the stall to latency from the intended time', async () => {
    // The server answers nothing until it holds 60 requests (what 300 ms of a 200/s schedule
    // brings), then everything. A closed-loop client with fewer connections would never get there.
    const held: { res: ServerResponse; at: number }[] = [];
    let longestHoldMs = 0;
    const url = await fakeServer((_req, res) => {
      held.push({ res, at: performance.now() });
      if (held.length < 60 && longestHoldMs === 0) return;
      const now = performance.now();
      for (const h of held.splice(0)) {
        longestHoldMs = Math.max(longestHoldMs, now - h.at);
        reply(h.res, 200, {});
      }
    });
    const run = await runRawOpenModel({ url, stages: [{ durationMs: 1000, rate: 200 }], templates: [template()], maxConnections: 100, drainMs: 5000 });
    const c = run.total.counts;
    expect(c.offered).toBe(200); // the schedule, whatever the server did
    expect(c.sent).toBe(200);
    expect(c.succeeded).toBe(200);
    expect(run.perSecond.map((s) => s.offered)).toEqual([200]);
    expect(run.maxInFlight).toBeGreaterThanOrEqual(60);
    // The first request waited at least as long as the server held it, from when it was meant to go.
    const latency = summarize(run.total.latency);
    expect(latency.max).toBeGreaterThanOrEqual(longestHoldMs * 0.999);
    expect(latency.max).toBeGreaterThanOrEqual(summarize(run.total.service).max * 0.999);
    expect(summarize(run.total.latency).count).toBe(200);
  });

  it('counts throttling from the reply __type, other errors apart, per operation and per second', async () => {
    let n = 0;
    const url = await fakeServer((req, res) => {
      const i = n++;
      if (req.headers['x-amz-target'] === 'TrentService.DescribeKey') return reply(res, 200, {});
      if (i % 4 === 1) return reply(res, 400, { __type: 'com.amazonaws.kms#ThrottlingException', message: 'You have exceeded the rate at which you may call KMS.' });
      if (i % 4 === 2) return reply(res, 400, { __type: 'ValidationException', message: 'this message mentions ThrottlingException but is not one' });
      if (i % 4 === 3) {
        res.writeHead(503, { 'x-amzn-ErrorType': 'ThrottlingException:http://internal.amazon.com/coral/', 'content-length': 4 });
        return res.end('busy');
      }
      reply(res, 200, {});
    });
    const run = await runRawOpenModel({ url, stages: [{ durationMs: 1000, rate: 200 }], templates: [template('Encrypt'), template('DescribeKey')], weights: [3, 1], seed: 5 });
    const c = run.total.counts;
    expect(c.completed).toBe(200);
    const enc = run.byOperation[0]!.counts;
    const desc = run.byOperation[1]!.counts;
    expect(enc.offered + desc.offered).toBe(200);
    expect(desc.succeeded).toBe(desc.offered);
    expect(c.throttled + c.errors + c.succeeded).toBe(200);
    expect(run.total.errorCodes.ValidationException).toBe(c.errors);
    expect(c.throttled).toBe(run.total.errorCodes.ThrottlingException);
    // Requests are numbered in arrival order at the server: ¼ of all go each way, give or take DescribeKeys.
    expect(c.throttled).toBeGreaterThan(0);
    expect(c.errors).toBeGreaterThan(0);
    expect(run.perSecond[0]!.throttled).toBe(c.throttled);
    expect(run.perSecondByOperation).toHaveLength(0 + run.perSecond.length);
    expect(run.perSecondByOperation[0]![1]!.succeeded).toBe(desc.succeeded);
  });

  it('flags the generator as saturated when the schedule is impossible to keep', async () => {
    // The server shares the generator's thread and burns 5 ms of it per request: at 1000/s the
    // generator cannot possibly be on time.
    const url = await fakeServer((_req, res) => {
      const until = performance.now() + 5;
      while (performance.now() < until) {
        // busy
      }
      reply(res, 200, {});
    });
    const run = await runRawOpenModel({ url, stages: [{ durationMs: 300, rate: 1000 }], templates: [template()], drainMs: 10_000 });
    const v = verdict(run);
    expect(v.saturated).toBe(true);
    expect(v.reasons.join(' ')).toMatch(/fell behind its schedule/);
    const legacy = await runOpenLoop({ url, rate: 1000, durationMs: 200, headers: template().headers, body: '{}' });
    expect(legacy.saturated).toBe(true);
  });

  it('says when requests waited for a free connection instead of blaming itself', async () => {
    const url = await fakeServer((_req, res) => setTimeout(() => reply(res, 200, {}), 40));
    const run = await runRawOpenModel({ url, stages: [{ durationMs: 500, rate: 200 }], templates: [template()], maxConnections: 2, initialConnections: 2 });
    expect(run.total.counts.succeeded).toBe(100);
    expect(run.queuedAtLimit).toBeGreaterThan(0);
    const v = verdict(run);
    expect(v.connectionLimited).toBe(true);
    expect(v.reasons.join(' ')).toMatch(/waited for a free connection/);
    // Waiting for a connection is part of the latency from the intended time.
    expect(summarize(run.total.latency).max).toBeGreaterThanOrEqual(summarize(run.connectionWait).max);
  });

  it('counts a refused connection as errors, never hangs', async () => {
    const url = await fakeServer((_req, res) => reply(res, 200, {}));
    await new Promise((r) => (servers[0]!.close(r), servers.splice(0)));
    const run = await runRawOpenModel({ url, stages: [{ durationMs: 200, rate: 100 }], templates: [template()], drainMs: 2000 });
    expect(run.total.counts.offered).toBe(20);
    expect(run.total.counts.succeeded).toBe(0);
    expect(run.total.counts.errors + run.total.counts.unfinished).toBe(20);
  });

  it('does not reuse a connection idle long enough for the server to have closed it', async () => {
    const url = await fakeServer((_req, res) => reply(res, 200, {}));
    servers[0]!.keepAliveTimeout = 2500;
    const run = await runRawOpenModel({
      url,
      // One request, a pause past the staleness bound, one more.
      stages: [{ durationMs: 1, rate: 1000 }, { durationMs: 2100, rate: 0 }, { durationMs: 1, rate: 1000 }],
      templates: [template()],
      initialConnections: 1,
    });
    expect(run.total.counts.succeeded).toBe(2);
    expect(run.total.counts.errors).toBe(0);
    expect(run.connectionsOpened).toBe(2);
  });

  it('leaves warm-up stages out of the figures', async () => {
    const url = await fakeServer((_req, res) => reply(res, 200, {}));
    const run = await runRawOpenModel({
      url,
      stages: [
        { durationMs: 200, rate: 100, measure: false, label: 'warm-up' },
        { durationMs: 500, rate: 100, label: 'measured' },
      ],
      templates: [template()],
    });
    expect(run.unmeasured.offered).toBe(20);
    expect(run.total.counts.offered).toBe(50);
    expect(summarize(run.total.latency).count).toBe(50);
    const r = runResult(run, { client: 'raw', arrivals: 'constant', threads: 0 });
    expect(r.measuredMs).toBe(500);
    expect(r.rates.offered).toBe(100);
  });

  it('keeps the schedule whichever way it waits between arrivals (spin, auto, nap)', async () => {
    const url = await fakeServer((_req, res) => reply(res, 200, {}));
    for (const idle of ['spin', 'auto', 'nap'] as const) {
      const run = await runRawOpenModel({ url, idle, stages: [{ durationMs: 300, rate: 500 }, { durationMs: 300, rate: 20 }], templates: [template()] });
      expect(run.total.counts.offered).toBe(156);
      expect(run.total.counts.succeeded).toBe(156);
      expect(run.byStage.map((s) => s.counts.offered)).toEqual([150, 6]);
    }
  });

  it('spreads a run over worker threads and merges what they recorded', async () => {
    let received = 0;
    const url = await fakeServer((_req, res) => {
      received++;
      reply(res, 200, {});
    });
    const run = await runOpenJob({ kind: 'raw', plan: { url, stages: [{ durationMs: 1000, rate: 300 }, { durationMs: 500, rate: 100, toRate: 500 }], templates: [template()] } }, 2);
    expect(run.threads).toBe(2);
    expect(run.total.counts.offered).toBe(450);
    expect(run.total.counts.succeeded).toBe(450);
    expect(received).toBe(450);
    expect(run.byStage.map((s) => s.counts.offered)).toEqual([300, 150]);
    expect(run.perSecond.map((s) => s.offered)).toEqual([300, 150]);
    expect(run.total.latency.count).toBe(450);
    expect(run.sendLag.count).toBe(450);
  });
});
