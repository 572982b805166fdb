/**
 * Open-model load: requests are sent at their intended times (constant rate or Poisson
 * arrivals), whatever the server does, so a slow server cannot slow the offered load down.
 * Latency is measured from the intended send time (free of coordinated omission) and from the
 * actual send time; the gap between the two (send lag) tells whether the generator itself kept
 * up, and the result says so instead of blaming the server.
 *
 * Transport: raw HTTP/1.1 over keep-alive sockets, one request in flight per socket, more
 * sockets opened (up to `maxConnections`) when all are busy. Requests are built once.
 *
 * @module
 */
import { connect, type Socket } from 'node:net';
import hdr from 'hdr-histogram-js';
import { buildRequest, replyLength } from './closed-loop.js';

export interface OpenLoopOptions {
  url: string;
  /** Offered requests per second. */
  rate: number;
  durationMs: number;
  headers: Record<string, string>;
  body: string | Buffer;
  arrivals?: 'constant' | 'poisson';
  maxConnections?: number;
  /** Seed for Poisson arrivals. */
  seed?: number;
}

export interface LatencySummary {
  p50: number;
  p90: number;
  p99: number;
  p999: number;
  max: number;
  mean: number;
}

export interface SecondSample {
  second: number;
  offered: number;
  completed: number;
  ok: number;
  throttled: number;
  errors: number;
}

export interface OpenLoopResult {
  offered: number;
  sent: number;
  completed: number;
  ok: number;
  throttled: number;
  /** Other non-2xx replies and connection failures. */
  errors: number;
  durationMs: number;
  /** Latency (ms) from the intended send time. */
  latencyMs: LatencySummary;
  /** Latency (ms) from the actual send time. */
  serviceMs: LatencySummary;
  /** Delay (ms) between intended and actual send time. */
  sendLagMs: LatencySummary;
  perSecond: SecondSample[];
  /** The generator could not keep its schedule (send lag p99 > 1 ms or under 99 % sent). */
  saturated: boolean;
}

function summary(h: ReturnType<typeof hdr.build>): LatencySummary {
  const ms = (us: number) => us / 1000;
  return {
    p50: ms(h.getValueAtPercentile(50)),
    p90: ms(h.getValueAtPercentile(90)),
    p99: ms(h.getValueAtPercentile(99)),
    p999: ms(h.getValueAtPercentile(99.9)),
    max: ms(h.maxValue),
    mean: ms(h.mean),
  };
}

/** Deterministic exponential inter-arrival times (mulberry32). */
function poisson(rate: number, seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const u = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    return (-Math.log(1 - u) / rate) * 1000;
  };
}

export async function runOpenLoop(options: OpenLoopOptions): Promise<OpenLoopResult> {
  const url = new URL(options.url);
  const request = buildRequest(url, options.headers, Buffer.isBuffer(options.body) ? options.body : Buffer.from(options.body));
  const maxConnections = options.maxConnections ?? 512;
  const newHist = () => hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 120_000_000, numberOfSignificantValueDigits: 3 });
  const latency = newHist();
  const service = newHist();
  const lag = newHist();
  const seconds: SecondSample[] = [];
  const sample = (t: number): SecondSample => {
    const s = Math.max(0, Math.floor(t / 1000));
    for (let i = seconds.length; i <= s; i++) seconds.push({ second: i, offered: 0, completed: 0, ok: 0, throttled: 0, errors: 0 });
    return seconds[s]!;
  };
  let offered = 0;
  let sent = 0;
  let completed = 0;
  let ok = 0;
  let throttled = 0;
  let errors = 0;

  interface Conn {
    socket: Socket;
    busy: boolean;
    intended: number;
    sentAt: number;
    buf: Buffer | null;
  }
  const idle: Conn[] = [];
  const all = new Set<Conn>();
  const backlog: number[] = []; // intended times waiting for a connection
  let opening = 0;

  const start = performance.now();
  const elapsed = () => performance.now() - start;

  const dispatch = (c: Conn, intended: number) => {
    c.busy = true;
    c.intended = intended;
    c.sentAt = elapsed();
    lag.recordValue(Math.max(1, Math.round((c.sentAt - intended) * 1000)));
    sent++;
    c.socket.write(request);
  };
  const release = (c: Conn) => {
    c.busy = false;
    const next = backlog.shift();
    if (next !== undefined) dispatch(c, next);
    else idle.push(c);
  };
  const fail = (c: Conn) => {
    all.delete(c);
    const i = idle.indexOf(c);
    if (i >= 0) idle.splice(i, 1);
    if (c.busy) {
      errors++;
      sample(c.intended).errors++;
    }
  };
  const open = () => {
    opening++;
    const socket = connect({ host: url.hostname, port: Number(url.port || 80), noDelay: true });
    const c: Conn = { socket, busy: false, intended: 0, sentAt: 0, buf: null };
    socket.on('connect', () => {
      opening--;
      all.add(c);
      release(c);
    });
    socket.on('data', (chunk: Buffer) => {
      c.buf = c.buf === null ? chunk : Buffer.concat([c.buf, chunk]);
      let reply;
      try {
        reply = replyLength(c.buf);
      } catch {
        socket.destroy();
        return;
      }
      if (!reply || reply.length < 0) return;
      const now = elapsed();
      const bodyText = reply.status === 200 ? '' : c.buf.toString('latin1', 0, reply.length);
      c.buf = reply.length === c.buf.length ? null : c.buf.subarray(reply.length);
      latency.recordValue(Math.max(1, Math.round((now - c.intended) * 1000)));
      service.recordValue(Math.max(1, Math.round((now - c.sentAt) * 1000)));
      completed++;
      const s = sample(c.intended);
      s.completed++;
      if (reply.status >= 200 && reply.status < 300) {
        ok++;
        s.ok++;
      } else if (bodyText.includes('ThrottlingException')) {
        throttled++;
        s.throttled++;
      } else {
        errors++;
        s.errors++;
      }
      release(c);
    });
    socket.on('error', () => {
      if (!all.has(c)) opening--;
      fail(c);
    });
    socket.on('close', () => fail(c));
  };

  const next = options.arrivals === 'poisson' ? poisson(options.rate, options.seed ?? 1) : () => 1000 / options.rate;
  let intended = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = elapsed();
      while (intended <= now && intended < options.durationMs) {
        offered++;
        sample(intended).offered++;
        const c = idle.pop();
        if (c) dispatch(c, intended);
        else {
          backlog.push(intended);
          if (all.size + opening < maxConnections) open();
        }
        intended += next();
      }
      if (intended >= options.durationMs) return resolve();
      const wait = intended - elapsed();
      if (wait > 1.5) setTimeout(tick, Math.floor(wait - 1));
      else setImmediate(tick);
    };
    tick();
  });
  // Let requests in flight finish (bounded).
  const drainUntil = performance.now() + 10_000;
  while ((backlog.length > 0 || [...all].some((c) => c.busy)) && performance.now() < drainUntil) {
    await new Promise((r) => setTimeout(r, 5));
  }
  for (const c of all) c.socket.destroy();
  const durationMs = elapsed();
  const lagSummary = summary(lag);
  const result: OpenLoopResult = {
    offered,
    sent,
    completed,
    ok,
    throttled,
    errors: errors + backlog.length,
    durationMs,
    latencyMs: summary(latency),
    serviceMs: summary(service),
    sendLagMs: lagSummary,
    perSecond: seconds,
    saturated: lagSummary.p99 > 1 || sent < offered * 0.99,
  };
  latency.destroy();
  service.destroy();
  lag.destroy();
  return result;
}
