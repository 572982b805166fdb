/**
 * Slow clients (slowloris): connections that trickle a request's headers (or its body) one byte
 * at a time and never finish, and connections that say nothing at all. A server with header
 * and request timeouts closes them; one without keeps every one of them (a descriptor and a
 * buffer each) for as long as the bytes keep coming, so enough of them exhaust its descriptors.
 * Meanwhile a valid request must still be served.
 *
 * @module
 */
import { connect, type Socket } from 'node:net';
import { sleep } from './support.js';

export interface SlowOptions {
  port: number;
  /** Connections of each kind (headers trickled, body trickled, idle). */
  perKind: number;
  /** How long the clients keep going (ms). */
  holdMs: number;
  /** Pause between trickled bytes (ms). */
  gapMs: number;
  /** Called every second while holding (e.g. a liveness probe); its result is kept. */
  probe?: () => Promise<number>;
}

export interface SlowResult {
  opened: number;
  /** Per kind: connections the server closed before `holdMs`, and the earliest close (ms). */
  closedByServer: Record<string, { closed: number; of: number; firstCloseMs?: number }>;
  holdMs: number;
  /** Probe results (e.g. latency of a valid request, ms) while the slow clients were held. */
  probes: number[];
  connectErrors: number;
}

const KINDS = ['headers trickled', 'body trickled', 'idle'] as const;

export async function runSlowClients(o: SlowOptions): Promise<SlowResult> {
  const started = Date.now();
  const res: SlowResult = { opened: 0, closedByServer: {}, holdMs: o.holdMs, probes: [], connectErrors: 0 };
  const socks: Array<{ kind: (typeof KINDS)[number]; sock: Socket; closedAt?: number }> = [];
  for (const kind of KINDS) {
    res.closedByServer[kind] = { closed: 0, of: 0 };
    for (let i = 0; i < o.perKind; i++) {
      const sock = connect(o.port, '127.0.0.1');
      const entry: (typeof socks)[number] = { kind, sock };
      sock.on('error', () => {});
      sock.on('close', () => (entry.closedAt ??= Date.now() - started));
      // Read (and drop) what the server sends: a socket that never reads never sees the server's
      // FIN, so a close (after a 408, say) would go unnoticed until the client's next write.
      sock.resume();
      socks.push(entry);
    }
  }
  await Promise.all(socks.map((s) => new Promise<void>((r) => (s.sock.connecting ? s.sock.once('connect', () => r()).once('error', () => r()) : r()))));
  for (const s of socks) if (s.closedAt !== undefined) res.connectErrors++;
  res.opened = socks.length - res.connectErrors;
  const head = 'POST / HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/x-amz-json-1.1\r\nx-amz-target: TrentService.Encrypt\r\n';
  for (const s of socks) {
    res.closedByServer[s.kind]!.of++;
    if (s.kind === 'body trickled') s.sock.write(`${head}content-length: 100000\r\n\r\n`);
  }
  let n = 0;
  let nextProbe = Date.now();
  while (Date.now() - started < o.holdMs) {
    for (const s of socks) {
      if (s.closedAt !== undefined || s.sock.destroyed) continue;
      // Headers never end: a header line of endless x's, one byte at a time.
      if (s.kind === 'headers trickled') s.sock.write(n < head.length ? head[n]! : 'x');
      else if (s.kind === 'body trickled') s.sock.write('{');
    }
    n++;
    if (o.probe && Date.now() >= nextProbe) {
      res.probes.push(await o.probe());
      nextProbe = Date.now() + 1000;
    }
    await sleep(o.gapMs);
  }
  for (const s of socks) {
    const k = res.closedByServer[s.kind]!;
    if (s.closedAt !== undefined && s.closedAt < o.holdMs) {
      k.closed++;
      k.firstCloseMs = Math.min(k.firstCloseMs ?? Infinity, s.closedAt);
    }
    s.sock.destroy();
  }
  return res;
}
