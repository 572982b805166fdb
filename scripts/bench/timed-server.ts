/**
 * The minimal local server of `scripts/bench-loadgen`: node:http, one process, keep-alive. It
 * reads each POST body and answers a small KMS-like JSON reply:
 *
 * - `POST /`       at once;
 * - `POST /delay`  after 10 ms + an exponentially distributed extra (mean 10 ms, capped at 200 ms,
 *                  seeded), so latencies have a spread and a tail.
 *
 * It times itself: every request from its `request` event (headers parsed) to the reply handed to
 * the socket, in nanoseconds, with its arrival time (`performance.timeOrigin + performance.now()`,
 * ms, comparable across processes). `GET /stats?from=MS&to=MS` returns the timings (ms) of the
 * requests that arrived in that window as JSON; `GET /stats?reset` clears them. That is the
 * independent measurement the generator's figures are checked against.
 *
 * Prints `listening on http://127.0.0.1:PORT` when ready.
 *
 * @module
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHistogram } from 'node:perf_hooks';
import { mulberry32 } from '../../common/numeric.js';

/** Arrival time (ms, absolute) and duration (ns) of every request since the last reset. */
let arrivals: number[] = [];
let durations: number[] = [];
const body = JSON.stringify({ KeyId: 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab', CiphertextBlob: 'AQEDAHhBYmM=', EncryptionAlgorithm: 'SYMMETRIC_DEFAULT' });
const headers = { 'content-type': 'application/x-amz-json-1.1', 'content-length': Buffer.byteLength(body), 'x-amzn-requestid': 'bench' };

const uniform = mulberry32(12345);
const delayMs = () => 10 + Math.min(190, -Math.log(1 - uniform()) * 10);

const ms = (ns: number) => ns / 1e6;

const server = createServer({ keepAlive: true }, (req, res) => {
  const t0 = process.hrtime.bigint();
  const arrivedAt = performance.timeOrigin + performance.now();
  if (req.method === 'GET' && req.url?.startsWith('/stats')) {
    const q = new URL(req.url, 'http://x').searchParams;
    const from = Number(q.get('from') ?? -Infinity);
    const to = Number(q.get('to') ?? Infinity);
    const h = createHistogram({ lowest: 1, highest: 3_600_000_000_000, figures: 3 });
    for (let i = 0; i < arrivals.length; i++) if (arrivals[i]! >= from && arrivals[i]! < to) h.record(durations[i]!);
    const stats = JSON.stringify({
      count: h.count,
      mean: h.count ? ms(h.mean) : 0,
      p50: ms(h.percentile(50)),
      p90: ms(h.percentile(90)),
      p99: ms(h.percentile(99)),
      p999: ms(h.percentile(99.9)),
      max: ms(h.max),
    });
    if (q.has('reset')) {
      arrivals = [];
      durations = [];
    }
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(stats) });
    return res.end(stats);
  }
  const delayed = req.url === '/delay';
  req.on('data', () => {});
  req.on('end', () => {
    const answer = () => {
      res.writeHead(200, headers);
      res.end(body);
      arrivals.push(arrivedAt);
      durations.push(Math.max(1, Number(process.hrtime.bigint() - t0)));
    };
    if (delayed) setTimeout(answer, delayMs());
    else answer();
  });
});

server.keepAliveTimeout = 60_000;
server.listen(Number(process.argv[2] ?? 0), '127.0.0.1', () => {
  console.log(`listening on http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
