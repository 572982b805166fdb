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
import { mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { AddressInfo } from 'node:net';
import { startCluster } from './cluster/primary.js';
import { createComponents, type ServerComponents } from './components.js';
import { createHttpServer } from './protocol/http-edge.js';
import { closeHttp1Server } from './protocol/http1-server.js';
import { resolveOptions, serverUrl, type ResolvedOptions, type RunningServer, type ServerOptions } from './server-options.js';
import { lockDataDir } from './store/lock.js';

export { DEFAULTS, type RunningServer, type ServerOptions } from './server-options.js';
/** The KMS operations this server implements (the rest are validated, then UnsupportedOperationException). */
export { IMPLEMENTED_OPERATIONS } from './ops/operation-table.js';

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const resolved = resolveOptions(options);
  return resolved.workers > 1 ? startCluster(resolved) : startInProcess(resolved);
}

export const defaultWorkerCount = (): number => availableParallelism();

/** Serves in this process. */
async function startInProcess(options: ResolvedOptions): Promise<RunningServer> {
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const unlock = lockDataDir(options.dataDir);
  let components: ServerComponents;
  try {
    components = await createComponents(options);
  } catch (e) {
    unlock();
    throw e;
  }
  const http = createHttpServer(components.pipeline, { getRoutes: components.routes });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, options.host, () => resolve());
  });
  const port = (http.address() as AddressInfo).port;
  return {
    url: serverUrl(options.host, port),
    host: options.host,
    port,
    async close() {
      await closeHttp1Server(http);
      await components.close();
      unlock();
    },
  };
}
