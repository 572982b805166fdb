/**
 * Starting the reference KMS server: in-process (one event loop, for tests and the embedded
 * harness target) or as a cluster of worker processes sharing one port and one store
 * (./cluster/). The server's one public entry: code outside reference-impl/ imports only this.
 *
 * ```ts
 * const server = await startServer({ port: 0, dataDir: '/tmp/kms' });
 * // ... point @aws-sdk/client-kms at server.url with credentials test/test ...
 * await server.close();
 * ```
 *
 * @module
 */
import { availableParallelism } from 'node:os';
import { resolveOptions, type RunningServer, type ServerOptions } from './server-options.js';

export { DEFAULTS, type RunningServer, type ServerOptions } from './server-options.js';

/**
 * Starts the server. Each path loads only what it runs: a cluster's primary never loads the
 * request pipeline (its workers do), so it starts fast and stays small.
 */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const resolved = resolveOptions(options);
  if (resolved.workers > 1) {
    const { startCluster } = await import('./cluster/primary.js');
    return startCluster(resolved);
  }
  const { startInProcess } = await import('./in-process.js');
  return startInProcess(resolved);
}

export const defaultWorkerCount = (): number => availableParallelism();
