/**
 * Open-model load, raw client: requests are sent at their intended times (constant rate, ramps,
 * Poisson arrivals; see schedule.ts), whatever the server does, so a slow server cannot slow the
 * offered load down. Latency is measured from the intended send time (free of coordinated
 * omission) and from the actual send time; the gap between the two (send lag) tells whether the
 * generator itself kept up, and the result says so instead of blaming the server.
 *
 * Transport: HTTP/1.1 (or HTTPS) over keep-alive sockets, one request in flight per socket, more
 * sockets opened (up to `maxConnections`) when all are busy. Request bytes are built (signed)
 * once per operation; signing cost is measured separately (micro suite). Signatures are redone
 * in the background every few minutes on long runs (SigV4 allows 5 minutes of skew).
 *
 * `runRawOpenModel` is the engine (one thread); `runOpenLoop` is the original single-request
 * interface kept for scripts/bench-quota.
 *
 * @module
 */
import { connect, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { connect as tlsConnect } from 'node:tls';
import { signJsonRequest, type Credentials } from '../client/sign.js';
import { buildRequest } from './closed-loop.js';
import { summarize } from './histogram.js';
import { errorCode, FAST, frameReply, parseReply, THROTTLING_CODES, type Reply } from './http1-reply-framing.js';
import { driveToEnd, openModel, originOf, type OpenModelPlan } from './drive.js';
import type { RawRun } from './recorder.js';
import { peakRate, type Arrivals } from './schedule.js';

export interface RawTemplate {
  /** Operation name (results are broken down by it). */
  operation: string;
  headers: Record<string, string>;
  body: string;
  /** `X-Amz-Target`, for re-signing on long runs. */
  target?: string;
}

export interface RawPlan extends OpenModelPlan {
  url: string;
  /** One per operation of the mix (weights: one per template). */
  templates: RawTemplate[];
  /** Per thread (default 512). */
  maxConnections?: number;
  /** Connections opened before the schedule starts (default: one per arrival in 5 ms at the peak rate, + 1). */
  initialConnections?: number;
  /** Re-sign the templates every `everyMs` (needed for runs longer than ~4 minutes). */
  resign?: { region: string; credentials: Credentials; everyMs: number };
}

interface Queued {
  op: number;
  stage: number;
  intended: number;
  queuedAt: number;
}

interface Conn {
  socket: Socket;
  busy: boolean;
  op: number;
  stage: number;
  intended: number;
  sentAt: number;
  buf: Buffer | null;
  dead: boolean;
  /** When the connection last became idle (ms). */
  idleSince: number;
}

/**
 * An idle connection older than this is closed instead of reused: servers close idle keep-alive
 * connections (node:http after 5 s), and a request written as they do fails for no fault of theirs.
 */
export const STALE_CONNECTION_MS = 2000;

export async function runRawOpenModel(plan: RawPlan): Promise<RawRun> {
  const url = new URL(plan.url);
  const secure = url.protocol === 'https:';
  const port = Number(url.port || (secure ? 443 : 80));
  const build = (t: RawTemplate) => buildRequest(url, t.headers, Buffer.from(t.body));
  const requests = plan.templates.map(build);
  const share = plan.share ?? { index: 0, of: 1 };
  const model = openModel(plan, plan.templates.map((t) => t.operation));
  const { rec, scheduledMs } = model;
  const maxConnections = plan.maxConnections ?? 512;
  const wantBody = (status: number) => status < 200 || status >= 300;

  const idle: Conn[] = [];
  const all = new Set<Conn>();
  let backlog: Queued[] = [];
  let backlogHead = 0;
  let opening = 0;
  let inFlight = 0;
  /** Running average of the service time (ms), for pacing (an object field: no number boxing). */
  const pacing = { recentLatency: 0 };
  const readBuffer = Buffer.allocUnsafe(64 * 1024);
  let origin = performance.now();
  const now = () => performance.now() - origin;

  const write = (c: Conn, op: number, stage: number, intended: number, queuedAt: number) => {
    c.busy = true;
    c.op = op;
    c.stage = stage;
    c.intended = intended;
    c.sentAt = now();
    inFlight++;
    if (inFlight > rec.maxInFlight) rec.maxInFlight = inFlight;
    rec.sent(op, stage, intended, c.sentAt, queuedAt);
    c.socket.write(requests[op]!);
  };
  const nextQueued = (): Queued | undefined => {
    if (backlogHead >= backlog.length) return undefined;
    const q = backlog[backlogHead++]!;
    if (backlogHead > 1024 && backlogHead * 2 > backlog.length) {
      backlog = backlog.slice(backlogHead);
      backlogHead = 0;
    }
    return q;
  };
  const backlogLength = () => backlog.length - backlogHead;
  const release = (c: Conn) => {
    c.busy = false;
    const q = nextQueued();
    if (q) write(c, q.op, q.stage, q.intended, q.queuedAt);
    else {
      c.idleSince = now();
      idle.push(c);
    }
  };
  /** The most recently used idle connection that is not stale (stale ones are closed). */
  const takeIdle = (t: number): Conn | undefined => {
    for (let c = idle.pop(); c; c = idle.pop()) {
      if (t - c.idleSince < STALE_CONNECTION_MS) return c;
      drop(c, 'Stale');
    }
    return undefined;
  };
  const drop = (c: Conn, code: string) => {
    if (c.dead) return;
    c.dead = true;
    all.delete(c);
    const i = idle.indexOf(c);
    if (i >= 0) idle.splice(i, 1);
    if (c.busy) {
      c.busy = false;
      inFlight--;
      rec.completed(c.op, c.stage, c.intended, c.sentAt, now(), 'error', code, false);
    }
    c.socket.destroy();
    // Queued requests need a connection: open a replacement.
    if (backlogLength() > opening && all.size + opening < maxConnections) open();
  };
  /** A reply has arrived on `c`: record it, reuse or close the connection. */
  const answered = (c: Conn, status: number, close: boolean, reply: Reply | undefined) => {
    const t = now();
    inFlight--;
    c.busy = false;
    pacing.recentLatency += (t - c.sentAt - pacing.recentLatency) * 0.05;
    if (status < 300) rec.completed(c.op, c.stage, c.intended, c.sentAt, t, 'ok', undefined, true);
    else {
      const code = (reply && errorCode(reply)) ?? `HTTP${status}`;
      rec.completed(c.op, c.stage, c.intended, c.sentAt, t, THROTTLING_CODES.has(code) ? 'throttled' : 'error', code, true);
    }
    if (close) {
      c.dead = true;
      all.delete(c);
      c.socket.end();
      if (backlogLength() > opening && all.size + opening < maxConnections) open();
    } else release(c);
  };
  /**
   * Bytes read into the shared buffer (`n` of them). The common case — one whole 2xx reply — is
   * framed in place without allocating; anything else is copied and takes the general path.
   */
  const onRead = (c: Conn, shared: Buffer, n: number) => {
    if (c.buf === null && c.busy) {
      const length = frameReply(shared, 0, n);
      if (length === n) return answered(c, FAST.status, FAST.close, undefined);
    }
    onReply(c, Buffer.from(shared.subarray(0, n)));
  };
  const onReply = (c: Conn, chunk: Buffer) => {
    c.buf = c.buf === null ? chunk : Buffer.concat([c.buf, chunk]);
    for (;;) {
      let reply;
      try {
        reply = parseReply(c.buf, wantBody);
      } catch {
        return drop(c, 'BadReply');
      }
      if (!reply) return;
      c.buf = reply.length >= c.buf.length ? null : c.buf.subarray(reply.length);
      if (reply.status < 200) {
        if (c.buf === null) return;
        continue; // 100 Continue and the like
      }
      if (!c.busy) return drop(c, 'UnexpectedReply');
      answered(c, reply.status, reply.close, reply);
      if (c.buf === null) return;
    }
  };
  const open = (): Promise<void> => {
    opening++;
    rec.connectionsOpened++;
    // Plain TCP reads go into one reused buffer (no allocation per reply); TLS uses 'data'.
    let c: Conn;
    const socket = secure
      ? tlsConnect({ host: url.hostname, port, servername: url.hostname, ALPNProtocols: ['http/1.1'] })
      : connect({
          host: url.hostname,
          port,
          noDelay: true,
          onread: {
            buffer: readBuffer,
            callback: (n: number, buf: Uint8Array) => {
              onRead(c, buf as Buffer, n);
              return true;
            },
          },
        });
    c = { socket, busy: false, op: 0, stage: 0, intended: 0, sentAt: 0, buf: null, dead: false, idleSince: 0 };
    return new Promise<void>((resolve) => {
      socket.once(secure ? 'secureConnect' : 'connect', () => {
        opening--;
        if (secure) socket.setNoDelay(true);
        all.add(c);
        release(c);
        resolve();
      });
      if (secure) socket.on('data', (chunk: Buffer) => onReply(c, chunk));
      socket.on('error', () => {
        if (!all.has(c) && !c.dead) {
          // The connection never opened: fail one queued request so none waits forever.
          opening--;
          c.dead = true;
          const q = nextQueued();
          if (q) {
            rec.sent(q.op, q.stage, q.intended, now(), q.queuedAt);
            rec.completed(q.op, q.stage, q.intended, -1, now(), 'error', 'ConnectFailed', false);
          }
          if (backlogLength() > opening && all.size + opening < maxConnections) setTimeout(open, 10);
          resolve();
        } else drop(c, 'Transport');
      });
      socket.on('close', () => drop(c, 'Transport'));
    });
  };

  // Open a few connections before the clock starts (TCP/TLS handshakes are not the server's latency).
  const initial = Math.min(maxConnections, plan.initialConnections ?? Math.ceil((peakRate(plan.stages) / share.of) * 0.005) + 1);
  await Promise.all(Array.from({ length: initial }, open));

  // Long runs: refresh the signatures in the background.
  let resignTimer: NodeJS.Timeout | undefined;
  if (plan.resign && scheduledMs > plan.resign.everyMs) {
    const r = plan.resign;
    resignTimer = setInterval(() => {
      void Promise.all(
        plan.templates.map(async (t, i) => {
          if (!t.target) return;
          const signed = await signJsonRequest({ endpoint: plan.url, region: r.region, credentials: r.credentials, target: t.target, body: t.body });
          requests[i] = build({ ...t, headers: signed.headers });
        }),
      ).catch(() => {});
    }, r.everyMs);
  }

  origin = originOf(plan);
  return driveToEnd(plan, {
    ...model,
    now,
    origin,
    maxConnections,
    pacing,
    busy: () => inFlight > 0 || opening > 0,
    dispatch: (op, stage, intended, t) => {
      const c = takeIdle(t);
      if (c) write(c, op, stage, intended, -1);
      else {
        backlog.push({ op, stage, intended, queuedAt: t });
        if (all.size + opening < maxConnections) void open();
        else if (rec.measuring(stage)) rec.queuedAtLimit++;
      }
    },
    waiting: () => backlogLength() > 0 || inFlight > 0,
    close: () => {
      if (resignTimer) clearInterval(resignTimer);
      for (let q = nextQueued(); q; q = nextQueued()) rec.unfinished(q.op, q.stage);
      for (const c of all) {
        if (c.busy) rec.unfinished(c.op, c.stage);
        c.dead = true;
        c.busy = false;
        c.socket.destroy();
      }
    },
  });
}

// ---------------------------------------------------------------------------------------------
// The original single-request interface (scripts/bench-quota).

export interface OpenLoopOptions {
  url: string;
  /** Offered requests per second. */
  rate: number;
  durationMs: number;
  headers: Record<string, string>;
  body: string | Buffer;
  arrivals?: Arrivals;
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
  /** Other non-2xx replies, connection failures and requests left unanswered. */
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

export async function runOpenLoop(options: OpenLoopOptions): Promise<OpenLoopResult> {
  const run = await runRawOpenModel({
    url: options.url,
    stages: [{ durationMs: options.durationMs, rate: options.rate }],
    arrivals: options.arrivals,
    seed: options.seed,
    templates: [{ operation: 'request', headers: options.headers, body: Buffer.isBuffer(options.body) ? options.body.toString('utf8') : options.body }],
    maxConnections: options.maxConnections,
  });
  const c = run.total.counts;
  const lag = summarize(run.sendLag);
  return {
    offered: c.offered,
    sent: c.sent,
    completed: c.completed,
    ok: c.succeeded,
    throttled: c.throttled,
    errors: c.errors + c.unfinished,
    durationMs: run.elapsedMs,
    latencyMs: summarize(run.total.latency),
    serviceMs: summarize(run.total.service),
    sendLagMs: lag,
    perSecond: run.perSecond.map((s) => ({ second: s.second, offered: s.offered, completed: s.completed, ok: s.succeeded, throttled: s.throttled, errors: s.errors })),
    saturated: lag.p99 > 1 || c.sent < c.offered * 0.99,
  };
}
