/**
 * Entry point of one forked serving process (./primary.ts forks `workers - 1` of them and serves
 * as the last one itself): loads its modules while the primary prepares the data dir, says
 * `loaded`, builds its components on `start` (./serving-process.ts), says `ready`, then serves
 * every connection the primary hands it, until `shutdown`, SIGTERM/SIGINT, or the primary going
 * away. Messages: ./cluster-messages.ts.
 *
 * @module
 */
import type { Socket } from 'node:net';
import type { ResolvedOptions } from '../server-options.js';
import { isFromPrimary, type WorkerToPrimary } from './cluster-messages.js';
import type { Channel } from './peer.js';
import { startServing, type Serving } from './serving-process.js';

const options = JSON.parse(process.env.KMSBENCH_WORKER_OPTIONS ?? '{}') as ResolvedOptions;
const workerId = Number(process.env.KMSBENCH_WORKER_ID ?? 1);

const channel: Channel = {
  send: (m: WorkerToPrimary) => (process.connected ? (process.send?.(m) ?? false) : false),
  onMessage: (handler) => void process.on('message', handler),
};

let serving: Serving | undefined;
let stopping = false;
const shutdown = async (): Promise<void> => {
  if (stopping) return;
  stopping = true;
  await serving?.close();
  process.exit(0);
};

process.on('message', (m: unknown, handle: unknown) => {
  if (!isFromPrimary(m)) return;
  if (m.type === 'start' && !serving) {
    startServing(options, channel, workerId).then(
      (s) => {
        serving = s;
        channel.send({ type: 'ready' });
      },
      (e: unknown) => {
        channel.send({ type: 'error', error: (e as Error).message });
        process.exit(1);
      },
    );
  } else if (m.type === 'connection' && handle) {
    if (serving) serving.accept(handle as Socket);
    else (handle as Socket).destroy();
  } else if (m.type === 'shutdown') {
    void shutdown();
  }
});
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());
process.on('disconnect', () => void shutdown());
channel.send({ type: 'loaded' });
