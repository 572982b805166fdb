/**
 * The closed-loop HTTP/1.1 client (`--mode saturate`, and the benchmarks in scripts/): N
 * keep-alive connections (HTTP or HTTPS), each sending the next request as soon as the reply to
 * the previous one is complete. A mix is a sequence of requests every connection cycles through
 * (each starting at its own place in it).
 *
 * It costs little CPU per request (the request bytes are built once; replies are framed in place
 * by http1.ts, and only error replies are parsed for their AWS error code), which matters on a
 * small machine where the client shares the cores with the server it measures. Closed loops hide
 * queueing delay (the client slows down with the server), so use this to find throughput, never
 * to judge latency under a given arrival rate: that is the open-model generator's job.
 *
 * A connection the server closes, resets or leaves without a reply for `timeoutMs` is replaced
 * (a transport error); a reply that cannot be framed counts as one too.
 *
 * @module
 */
import { connect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import hdr from 'hdr-histogram-js';
import { errorCode, FAST, frameReply, parseReply, THROTTLING_CODES } from './http1-reply-framing.js';

export interface ClosedLoopRequest {
  /** Header names as they should be sent; `host`, `content-length` and `connection` are set here. */
  headers: Record<string, string>;
  body: string | Buffer;
}

export interface ClosedLoopOptions {
  url: string;
  connections: number;
  durationMs: number;
  requests: ClosedLoopRequest[];
  /** Indexes into `requests`, cycled by every connection (default: each request in turn). */
  sequence?: number[];
  /** A request without a reply for this long ends its connection (default 10 s). */
  timeoutMs?: number;
}

export interface RequestCounts {
  requests: number;
  succeeded: number;
  /** Replies whose AWS error code is a throttling code (http1.ts, THROTTLING_CODES). */
  throttled: number;
  /** Other non-2xx replies. */
  errorReplies: number;
}

export interface ClosedLoopResult {
  /** Completed requests (replies received). */
  requests: number;
  durationMs: number;
  /** Completed requests per second over the run. */
  rps: number;
  /** Completed requests in each whole second of the run (a run under a second: the run's rate). */
  perSecond: { mean: number; stddev: number; min: number; max: number };
  /** Latency (request written → reply complete) in milliseconds. */
  latencyMs: { p50: number; p90: number; p99: number; p999: number; max: number; mean: number };
  /** Replies by HTTP status. */
  statuses: Record<number, number>;
  /** Per entry of `requests`. */
  byRequest: RequestCounts[];
  /** Connection-level failures: resets, timeouts, replies that cannot be framed. */
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

/** Opens a connection to `url` (TLS for https), resolving once it can carry a request. */
function open(url: URL): Promise<Socket> {
  const tls = url.protocol === 'https:';
  const port = Number(url.port || (tls ? 443 : 80));
  return new Promise((resolve, reject) => {
    const s: Socket = tls
      ? tlsConnect({ host: url.hostname, port, servername: url.hostname, ALPNProtocols: ['http/1.1'] }, () => resolve(s))
      : connect({ host: url.hostname, port }, () => resolve(s));
    s.setNoDelay(true);
    s.once('error', reject);
  });
}

const stats = (xs: readonly number[]) => {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const stddev = Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / xs.length);
  return { mean, stddev, min: Math.min(...xs), max: Math.max(...xs) };
};

export async function runClosedLoop(options: ClosedLoopOptions): Promise<ClosedLoopResult> {
  const url = new URL(options.url);
  const wire = options.requests.map((r) => buildRequest(url, r.headers, Buffer.isBuffer(r.body) ? r.body : Buffer.from(r.body)));
  const sequence = options.sequence?.length ? options.sequence : wire.map((_, i) => i);
  const timeoutMs = options.timeoutMs ?? 10_000;
  const histogram = hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 60_000_000, numberOfSignificantValueDigits: 3 });
  const statuses: Record<number, number> = {};
  const byRequest: RequestCounts[] = wire.map(() => ({ requests: 0, succeeded: 0, throttled: 0, errorReplies: 0 }));
  const seconds: number[] = [];
  let requests = 0;
  let errors = 0;
  // Connections are opened before the clock starts (one that fails is retried in the run).
  const first = await Promise.all(Array.from({ length: options.connections }, () => open(url).catch(() => null)));
  const started = performance.now();
  const deadline = started + options.durationMs;

  const record = (index: number, status: number, code: string | undefined, sentAt: number) => {
    const now = performance.now();
    histogram.recordValue(Math.max(1, Math.round((now - sentAt) * 1000)));
    statuses[status] = (statuses[status] ?? 0) + 1;
    const second = Math.floor((now - started) / 1000);
    seconds[second] = (seconds[second] ?? 0) + 1;
    requests++;
    const c = byRequest[index]!;
    c.requests++;
    if (status >= 200 && status < 300) c.succeeded++;
    else if (code !== undefined && THROTTLING_CODES.has(code)) c.throttled++;
    else c.errorReplies++;
  };

  /** One connection's loop, replacing its socket when the server drops it, until the deadline. */
  const loop = (initial: Socket | null, start: number) =>
    new Promise<void>((resolve) => {
      let socket: Socket | null = null;
      let pos = start;
      let index = sequence[pos]!;
      let buf: Buffer | null = null;
      let sentAt = 0;
      /** A request is on the wire, its reply not complete. */
      let inFlight = false;
      let done = false;
      let opening = false;
      const timer = setTimeout(() => drop(true), timeoutMs);
      timer.unref();
      const finish = () => {
        done = true;
        clearTimeout(timer);
        socket?.removeAllListeners();
        socket?.on('error', () => {});
        socket?.end();
        resolve();
      };
      const send = () => {
        if (performance.now() >= deadline) return finish();
        index = sequence[pos]!;
        pos = (pos + 1) % sequence.length;
        sentAt = performance.now();
        inFlight = true;
        timer.refresh();
        socket!.write(wire[index]!);
      };
      /** Takes `s` into use and sends on it. */
      const use = (s: Socket) => {
        socket = s;
        buf = null;
        s.on('data', onData);
        s.on('error', () => drop(true));
        // Closed with a request unanswered: that request is lost.
        s.on('close', () => drop(inFlight));
        send();
      };
      /** The socket is gone (error, close, timeout, unframeable reply): count it, go on with a new one. */
      const drop = (error: boolean) => {
        if (done || opening) return;
        if (error) errors++;
        socket?.removeAllListeners();
        socket?.on('error', () => {});
        socket?.destroy();
        socket = null;
        inFlight = false;
        if (performance.now() >= deadline) return finish();
        opening = true;
        open(url).then(
          (s) => {
            opening = false;
            if (done) s.destroy();
            else use(s);
          },
          () => {
            opening = false;
            errors++;
            // The endpoint refuses connections: try again a little later, until the deadline.
            setTimeout(() => drop(false), 100);
          },
        );
      };
      const onData = (chunk: Buffer) => {
        buf = buf === null ? chunk : Buffer.concat([buf, chunk]);
        for (;;) {
          let length = frameReply(buf, 0, buf.length);
          let status = FAST.status;
          let close = FAST.close;
          let code: string | undefined;
          if (length < 0) {
            let reply;
            try {
              reply = parseReply(buf, (st) => st >= 300);
            } catch {
              return drop(true);
            }
            if (!reply) return;
            ({ length, status, close } = reply);
            if (status < 200) {
              // An interim reply: the real one follows.
              buf = length === buf.length ? null : buf.subarray(length);
              if (buf === null) return;
              continue;
            }
            if (status >= 300) code = errorCode(reply);
          }
          inFlight = false;
          record(index, status, code, sentAt);
          buf = length === buf.length ? null : buf.subarray(length);
          return close ? drop(false) : send();
        }
      };
      if (initial) use(initial);
      else {
        errors++;
        drop(false);
      }
    });

  await Promise.all(first.map((s, c) => loop(s, Math.floor((c * sequence.length) / options.connections) % sequence.length)));
  const durationMs = performance.now() - started;
  const ms = (us: number) => us / 1000;
  const rps = (requests * 1000) / durationMs;
  const whole = Array.from({ length: Math.floor(durationMs / 1000) }, (_, i) => seconds[i] ?? 0);
  const result: ClosedLoopResult = {
    requests,
    durationMs,
    rps,
    perSecond: whole.length ? stats(whole) : { mean: rps, stddev: 0, min: rps, max: rps },
    latencyMs: {
      p50: ms(histogram.getValueAtPercentile(50)),
      p90: ms(histogram.getValueAtPercentile(90)),
      p99: ms(histogram.getValueAtPercentile(99)),
      p999: ms(histogram.getValueAtPercentile(99.9)),
      max: ms(histogram.maxValue),
      mean: ms(histogram.mean),
    },
    statuses,
    byRequest,
    errors,
  };
  histogram.destroy();
  return result;
}
