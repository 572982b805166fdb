/**
 * The cluster's primary process: forks the workers (./cluster-worker.ts), which share one
 * listening port (node:cluster) and one data directory, relays between them (./relays.ts), and
 * stops them on close.
 *
 * @module
 */
import cluster, { type Worker } from 'node:cluster';
import { mkdirSync } from 'node:fs';
import { createComponents } from '../components.js';
import { serverUrl, type ResolvedOptions, type RunningServer } from '../server-options.js';
import { lockDataDir } from '../store/lock.js';
import { isFromWorker, type PrimaryToWorker } from './cluster-messages.js';
import { coordinateQuotas, relayWriteAnnouncements } from './relays.js';

/** Forks `options.workers` processes that share one listening port. */
export async function startCluster(options: ResolvedOptions): Promise<RunningServer> {
  const runningFromSource = import.meta.url.endsWith('.ts');
  cluster.setupPrimary({
    exec: new URL(runningFromSource ? './cluster-worker.ts' : './cluster-worker.js', import.meta.url).pathname,
    // KMSBENCH_WORKER_NODE_ARGS passes extra node flags to workers, e.g. '--cpu-prof' for profiling.
    execArgv: [...(runningFromSource ? ['--import', 'tsx'] : []), ...(process.env.KMSBENCH_WORKER_NODE_ARGS?.split(' ').filter(Boolean) ?? [])],
    silent: false,
  });
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const unlock = lockDataDir(options.dataDir);
  const workers: Worker[] = [];
  try {
    // Create the master key and schema once, before workers race for them.
    const boot = await createComponents({ ...options, audit: false });
    await boot.close();
    for (let i = 0; i < options.workers; i++) workers.push(cluster.fork({ KMSBENCH_WORKER_OPTIONS: JSON.stringify(options) }));
  } catch (e) {
    unlock();
    throw e;
  }
  relayWriteAnnouncements(workers);
  // Also with quotas off: the primary answers the workers' `metrics?` (counters, injection counts); no lease is ever asked for.
  coordinateQuotas(workers, options.quotas);
  let port: number;
  try {
    port = await Promise.all(workers.map(listeningPort)).then((ports) => ports[0]!);
  } catch (e) {
    // One worker failed: stop the others, or they keep this process alive and `serve` never exits.
    await Promise.all(workers.map((w) => stopped(w, () => w.process.kill('SIGKILL'))));
    unlock();
    throw e;
  }
  let closing = false;
  for (const w of workers) {
    w.on('exit', (code, signal) => {
      if (!closing) process.stderr.write(`kmsbench: worker ${w.process.pid} exited (${signal ?? code})\n`);
    });
  }
  return {
    url: serverUrl(options.host, port),
    host: options.host,
    port,
    async close() {
      closing = true;
      await Promise.all(
        workers.map((w) =>
          stopped(w, () => {
            // Ctrl-C signals the whole process group: the worker may already be exiting and
            // its channel closed. Without a callback a failed send is an 'error' event that
            // crashes the primary (exit 1 instead of 0).
            if (w.isConnected()) w.send({ type: 'shutdown' } satisfies PrimaryToWorker, () => {});
            setTimeout(() => w.kill('SIGKILL'), 5000).unref();
          }),
        ),
      );
      unlock();
    },
  };
}

/** Resolves once `w` has exited: at once if it is dead already, else after `stop` asks it to. */
function stopped(w: Worker, stop: () => void): Promise<void> {
  return new Promise<void>((resolve) => {
    if (w.isDead()) return resolve();
    w.once('exit', () => resolve());
    stop();
  });
}

/** The port a worker reports once it listens; rejects when its first message is anything else or it exits. */
function listeningPort(w: Worker): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    w.once('message', (m: unknown) => {
      if (isFromWorker(m) && m.type === 'listening' && typeof m.port === 'number') resolve(m.port);
      else reject(new Error((isFromWorker(m) && m.type === 'error' ? m.error : undefined) ?? 'worker failed to start'));
    });
    w.once('exit', (code) => reject(new Error(`worker exited with code ${code} during start-up`)));
  });
}
