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
import { createComponents, edgeOptions, type ServerComponents } from './components.js';
import { createHttpServer } from './protocol/http-edge.js';
import { closeHttp1Server } from './protocol/http1-server.js';
import { resolveOptions, serverUrl, type ResolvedOptions, type RunningServer, type ServerOptions } from './server-options.js';
import { lockDataDir } from './store/lock.js';
import { FIXTURE_XKS_CREDENTIAL, FIXTURE_XKS_DISABLED_KEY, FIXTURE_XKS_ENDPOINT, FIXTURE_XKS_KEYS, FIXTURE_XKS_PATH } from './keystores/fixtures.js';
import { SoftwareEkm } from './xks-proxy/ekm.js';
import { startXksProxy } from './xks-proxy/server.js';

export { DEFAULTS, type RunningServer, type ServerOptions } from './server-options.js';
/** The KMS operations this server implements (the rest are validated, then UnsupportedOperationException). */
export { IMPLEMENTED_OPERATIONS } from './ops/operation-table.js';

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const resolved = resolveOptions(options);
  if (!resolved.keyStoreFixtures) return resolved.workers > 1 ? startCluster(resolved) : startInProcess(resolved);
  // The fixtures keep their clusters' keys in this process: one process only.
  if (resolved.workers > 1) throw new Error('custom key store fixtures run in a single process (--workers 1)');
  const proxy = await startFixtureXksProxy();
  try {
    const server = await startInProcess({ ...resolved, xksProxies: { ...resolved.xksProxies, [FIXTURE_XKS_ENDPOINT]: proxy.url } });
    return {
      ...server,
      async close() {
        await server.close();
        await proxy.close();
      },
    };
  } catch (e) {
    await proxy.close();
    throw e;
  }
}

/** The reference XKS proxy of the fixtures: software keys, the fixture credential, loopback. */
function startFixtureXksProxy() {
  const ekm = new SoftwareEkm();
  for (const id of FIXTURE_XKS_KEYS) ekm.createKey(id);
  ekm.createKey(FIXTURE_XKS_DISABLED_KEY, { enabled: false });
  return startXksProxy({ ekm, credentials: [FIXTURE_XKS_CREDENTIAL], uriPath: FIXTURE_XKS_PATH, port: 0, host: '127.0.0.1' });
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
  const http = createHttpServer(components.pipeline, edgeOptions(options, components));
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
