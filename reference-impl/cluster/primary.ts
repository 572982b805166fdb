/**
 * The cluster's primary process, itself one of the serving processes: it forks `workers - 1`
 * children (./cluster-worker.ts) first, so they load their modules while it builds its own
 * serving half (./serving-process.ts: master key, schema) and applies the seed; then it
 * listens, accepts every connection and hands them round-robin to the serving processes, itself
 * included (the children get the socket over IPC, as node:cluster's round-robin does). It relays
 * between them (./relays.ts: write announcements, quota leases, metrics) and stops them on close.
 *
 * One process fewer than a primary that only distributes: with the default two workers on two
 * cores the server is two processes (see scripts/bench-startup.ts).
 *
 * @module
 */
import { fork } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { serverUrl, type ResolvedOptions, type RunningServer } from '../server-options.js';
import { lockDataDir } from '../store/lock.js';
import { isFromWorker, type PrimaryToWorker } from './cluster-messages.js';
import { ChildPeer, LoopbackPeer, type Peer } from './peer.js';
import { coordinateQuotas, relayWriteAnnouncements } from './relays.js';
import type { Serving } from './serving-process.js';

const runningFromSource = import.meta.url.endsWith('.ts');

function forkChild(options: ResolvedOptions, id: number): ChildPeer {
  const child = fork(new URL(runningFromSource ? './cluster-worker.ts' : './cluster-worker.js', import.meta.url).pathname, [], {
    // KMSBENCH_WORKER_NODE_ARGS passes extra node flags to workers, e.g. '--cpu-prof' for profiling.
    execArgv: [...(runningFromSource ? ['--import', 'tsx'] : []), ...(process.env.KMSBENCH_WORKER_NODE_ARGS?.split(' ').filter(Boolean) ?? [])],
    env: { ...process.env, KMSBENCH_WORKER_OPTIONS: JSON.stringify(options), KMSBENCH_WORKER_ID: String(id) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new ChildPeer(child, id);
}

/** Resolves on the child's first `type` message; rejects on `error`, another message, or its exit. */
function nextFrom(peer: ChildPeer, type: 'loaded' | 'ready'): Promise<void> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: unknown) => {
      if (!isFromWorker(m)) return;
      if (m.type === type) done(), resolve();
      else if (m.type === 'error') done(), reject(new Error(m.error));
    };
    const onExit = (code: number | null, signal: string | null) => {
      done();
      reject(new Error(`worker exited (${signal ?? code}) during start-up`));
    };
    const done = () => {
      peer.off('message', onMessage);
      peer.off('exit', onExit);
    };
    peer.on('message', onMessage);
    peer.on('exit', onExit);
  });
}

const killAll = (children: ChildPeer[]): Promise<void[]> =>
  Promise.all(
    children.map(
      (c) =>
        new Promise<void>((resolve) => {
          if (c.isDead()) return resolve();
          c.once('exit', () => resolve());
          c.child.kill('SIGKILL');
        }),
    ),
  );

/** Serves with `options.workers` processes (this one and `workers - 1` children) on one port. */
export async function startCluster(options: ResolvedOptions): Promise<RunningServer> {
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const unlock = lockDataDir(options.dataDir);
  const children = Array.from({ length: options.workers - 1 }, (_, i) => forkChild(options, i + 1));
  const loaded = children.map((c) => nextFrom(c, 'loaded'));
  // This process's serving modules load while it prepares the data dir.
  const servingModule = import('./serving-process.js');
  // Failures are seen where these are awaited; until then they must not count as unhandled.
  for (const p of [...loaded, servingModule]) p.catch(() => undefined);
  const self = new LoopbackPeer();
  let own: Serving | undefined;
  let notices: string[];
  const listener = createServer({ pauseOnConnect: true, noDelay: true, allowHalfOpen: false });
  try {
    const peers: Peer[] = [self, ...children];
    relayWriteAnnouncements(peers);
    // Also with quotas off: the primary answers the serving processes' `metrics?` (counters, injection counts); no lease is ever asked for.
    coordinateQuotas(peers, options.quotas);
    // This process's serving half creates the master key and the schema; the seed is applied
    // once, here; only then do the children open the store.
    const { startServing } = await servingModule;
    own = await startServing(options, self.channel, 0);
    notices = await own.components.seed();
    const ready = children.map((c, i) =>
      loaded[i]!.then(() => {
        c.send({ type: 'start' } satisfies PrimaryToWorker);
        return nextFrom(c, 'ready');
      }),
    );
    await Promise.all(ready);
    await new Promise<void>((resolve, reject) => {
      listener.once('error', (e) => reject(new Error(`cannot listen on ${options.host}:${options.port}: ${e.message}`)));
      listener.listen(options.port, options.host, () => resolve());
    });
  } catch (e) {
    // One process failed: stop the others, or they keep this process alive and `serve` never exits.
    listener.close();
    await killAll(children);
    await own?.close();
    self.close();
    unlock();
    throw e;
  }
  const serving = own;

  // Round-robin over the live serving processes, this one included.
  let next = 0;
  listener.on('connection', (socket: Socket) => {
    const live = [undefined, ...children.filter((c) => c.isConnected() && !c.isDead())];
    const to = live[next++ % live.length];
    if (to === undefined) return serving.accept(socket);
    to.sendConnection(socket, (error) => {
      if (error) socket.destroy();
    });
  });

  let closing = false;
  for (const c of children) {
    c.on('exit', (code: number | null, signal: string | null) => {
      if (!closing) process.stderr.write(`kmsbench: worker ${c.child.pid} exited (${signal ?? code})\n`);
    });
  }
  return {
    url: serverUrl(options.host, (listener.address() as AddressInfo).port),
    host: options.host,
    port: (listener.address() as AddressInfo).port,
    notices,
    async close() {
      closing = true;
      listener.close();
      await Promise.all([
        serving.close().then(() => self.close()),
        ...children.map(
          (c) =>
            new Promise<void>((resolve) => {
              if (c.isDead()) return resolve();
              c.once('exit', () => resolve());
              // Ctrl-C signals the whole process group: the child may already be exiting and its
              // channel closed; a failed send is then reported to the callback, not thrown.
              if (c.isConnected()) c.send({ type: 'shutdown' }, () => {});
              setTimeout(() => c.child.kill('SIGKILL'), 5000).unref();
            }),
        ),
      ]);
      unlock();
    },
  };
}
