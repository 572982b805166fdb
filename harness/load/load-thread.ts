/**
 * A load worker thread: receives `{type:'run', job, share, startAt}`, runs its share of the job
 * and posts `{type:'result', result}` (histograms travel by structured clone).
 *
 * @module
 */
import { parentPort, workerData } from 'node:worker_threads';
import { preload, runJobHere, type Job } from './threads.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const port = parentPort!;
port.on('message', (m: { type: string; job: Job; share?: { index: number; of: number }; startAt?: number }) => {
  if (m.type !== 'run') return;
  runJobHere(m.job, m.share, m.startAt).then(
    (result) => port.postMessage({ type: 'result', result }),
    (e: Error) => port.postMessage({ type: 'error', message: e?.message ?? String(e), stack: e?.stack }),
  );
});
await preload((workerData as { preload: Job['kind'] }).preload);
port.postMessage({ type: 'booted' });
