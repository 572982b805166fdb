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

/**
 * Sends to the primary; false when there is none (or the channel is closed). The callback turns a
 * failed send (the primary went away: EPIPE) into nothing instead of an 'error' event that would
 * crash the worker with a stack trace.
 */
const toPrimary = (m: WorkerToPrimary, sent: () => void = () => {}): boolean => {
  if (!process.send || !process.connected) return false;
  try {
    return process.send(m, undefined, undefined, sent);
  } catch {
    return false;
  }
};

const channel: Channel = {
  send: (m: WorkerToPrimary) => toPrimary(m),
  onMessage: (handler) => void process.on('message', handler),
};

/** Tells the primary why start-up failed, then exits 1 once the message is out (IPC is asynchronous). */
function failStartup(error: string): void {
  const exit = () => process.exit(1);
  if (!toPrimary({ type: 'error', error }, exit)) exit();
  setTimeout(exit, 2000).unref();
}

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
      (e: unknown) => failStartup((e as Error).message),
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
