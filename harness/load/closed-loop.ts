/**
 * A lean closed-loop HTTP/1.1 load client for saturation runs: N keep-alive connections, each
 * sending one pre-built request and sending the next as soon as the reply is complete.
 *
 * It costs far less CPU per request than general-purpose clients (the request bytes are built
 * once; replies are only framed by Content-Length), which matters on a small machine where the
 * client shares the cores with the server it measures. Closed loops hide queueing delay (the
 * client slows down with the server), so use this to find throughput, never to judge latency
 * under a given arrival rate: that is the open-model generator's job.
 *
 * @module
 */
import { connect, type Socket } from 'node:net';
import hdr from 'hdr-histogram-js';

export interface ClosedLoopOptions {
  url: string;
  connections: number;
  durationMs: number;
  /** Header names as they should be sent; `host` and `content-length` are added. */
  headers: Record<string, string>;
  body: string | Buffer;
}

export interface ClosedLoopResult {
  requests: number;
  durationMs: number;
  /** Completed requests per second. */
  rps: number;
  /** Latency percentiles in milliseconds. */
  latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number };
  /** Replies by HTTP status. */
  statuses: Record<number, number>;
  /** Connection-level failures (resets, unparseable replies). */
  errors: number;
}

export function buildRequest(url: URL, headers: Record<string, string>, body: Buffer): Buffer {
  let head = `POST ${url.pathname || '/'} HTTP/1.1\r\nhost: ${url.host}\r\n`;
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (lower === 'host' || lower === 'content-length' || lower === 'connection') continue;
    head += `${name}: ${value}\r\n`;
  }
  head += `content-length: ${body.length}\r\nconnection: keep-alive\r\n\r\n`;
  return Buffer.concat([Buffer.from(head, 'latin1'), body]);
}

const CRLFCRLF = Buffer.from('\r\n\r\n');

/** Length of the reply at the start of `buf` (head + body), or -1 if it is not complete yet. */
export function replyLength(buf: Buffer): { length: number; status: number } | undefined {
  const end = buf.indexOf(CRLFCRLF);
  if (end < 0) return undefined;
  const head = buf.toString('latin1', 0, end);
  const status = Number(head.slice(9, 12));
  const m = /\r\ncontent-length:[ \t]*(\d+)/i.exec(head);
  if (!m || !Number.isInteger(status)) throw new Error('reply without status or content-length');
  const length = end + 4 + Number(m[1]);
  return buf.length >= length ? { length, status } : { length: -1, status };
}

export async function runClosedLoop(options: ClosedLoopOptions): Promise<ClosedLoopResult> {
  const url = new URL(options.url);
  const request = buildRequest(url, options.headers, Buffer.isBuffer(options.body) ? options.body : Buffer.from(options.body));
  const histogram = hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 60_000_000, numberOfSignificantValueDigits: 3 });
  const statuses: Record<number, number> = {};
  let requests = 0;
  let errors = 0;
  const started = performance.now();
  const deadline = started + options.durationMs;

  const loop = (socket: Socket) =>
    new Promise<void>((resolve) => {
      let buf: Buffer | null = null;
      let sentAt = 0;
      const send = () => {
        if (performance.now() >= deadline) {
          socket.end();
          return resolve();
        }
        sentAt = performance.now();
        socket.write(request);
      };
      socket.on('data', (chunk: Buffer) => {
        buf = buf === null ? chunk : Buffer.concat([buf, chunk]);
        let reply;
        try {
          reply = replyLength(buf);
        } catch {
          errors++;
          socket.destroy();
          return resolve();
        }
        if (!reply || reply.length < 0) return;
        histogram.recordValue(Math.max(1, Math.round((performance.now() - sentAt) * 1000)));
        statuses[reply.status] = (statuses[reply.status] ?? 0) + 1;
        requests++;
        buf = reply.length === buf.length ? null : buf.subarray(reply.length);
        send();
      });
      socket.on('error', () => {
        errors++;
        resolve();
      });
      socket.on('close', () => resolve());
      send();
    });

  const sockets = await Promise.all(
    Array.from(
      { length: options.connections },
      () =>
        new Promise<Socket>((resolve, reject) => {
          const s = connect({ host: url.hostname, port: Number(url.port || 80), noDelay: true }, () => resolve(s));
          s.once('error', reject);
        }),
    ),
  );
  await Promise.all(sockets.map(loop));
  const durationMs = performance.now() - started;
  const ms = (us: number) => us / 1000;
  const result: ClosedLoopResult = {
    requests,
    durationMs,
    rps: (requests * 1000) / durationMs,
    latencyMs: {
      p50: ms(histogram.getValueAtPercentile(50)),
      p90: ms(histogram.getValueAtPercentile(90)),
      p99: ms(histogram.getValueAtPercentile(99)),
      max: ms(histogram.maxValue),
      mean: ms(histogram.mean),
    },
    statuses,
    errors,
  };
  histogram.destroy();
  return result;
}
