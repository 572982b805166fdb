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
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveOptions, type RunningServer, type ServerOptions } from './server-options.js';

export { DEFAULTS, type RunningServer, type ServerOptions } from './server-options.js';

/**
 * Starts the server. Each path loads only what it runs: a cluster's primary never loads the
 * request pipeline (its workers do), so it starts fast and stays small.
 */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  // --ephemeral: a fresh data dir of our own (under dataDir when one is given, as a container's
  // volume), deleted on close; any number of workers share it.
  if (options.ephemeral && options.dataDir !== undefined) mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const temporary = options.ephemeral ? mkdtempSync(join(options.dataDir ?? tmpdir(), 'kmsbench-ephemeral-')) : undefined;
  const resolved = resolveOptions(temporary ? { ...options, dataDir: temporary } : options);
  const removeTemporary = () => temporary && rmSync(temporary, { recursive: true, force: true });
  // The fixtures keep their clusters' keys in this process: one process only.
  if (resolved.keyStoreFixtures && resolved.workers > 1) {
    removeTemporary();
    throw new Error('custom key store fixtures run in a single process (--workers 1)');
  }
  let server: RunningServer;
  try {
    if (resolved.workers > 1) {
      const { startCluster } = await import('./cluster/primary.js');
      server = await startCluster(resolved);
    } else {
      const { startInProcess } = await import('./in-process.js');
      if (resolved.keyStoreFixtures) {
        const { withFixtureXksProxy } = await import('./fixture-xks-proxy.js');
        server = await withFixtureXksProxy(resolved, startInProcess);
      } else {
        server = await startInProcess(resolved);
      }
    }
  } catch (e) {
    removeTemporary();
    throw e;
  }
  if (!temporary) return server;
  return {
    ...server,
    async close() {
      await server.close();
      removeTemporary();
    },
  };
}

export const defaultWorkerCount = (): number => availableParallelism();
