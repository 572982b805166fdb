/**
 * The server in this process (one event loop): for tests, the embedded harness target and
 * `kmsbench serve --workers 1`.
 *
 * @module
 */
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createComponents, edgeOptions, type ServerComponents } from './components.js';
import { createHttpServer } from './protocol/http-edge.js';
import { closeHttp1Server } from './protocol/http1-server.js';
import { serverUrl, type ResolvedOptions, type RunningServer } from './server-options.js';
import { lockDataDir } from './store/lock.js';

/** Serves in this process. */
export async function startInProcess(options: ResolvedOptions): Promise<RunningServer> {
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const unlock = lockDataDir(options.dataDir);
  let components: ServerComponents;
  let notices: string[];
  try {
    components = await createComponents(options);
    try {
      notices = await components.seed();
    } catch (e) {
      await components.close();
      throw e;
    }
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
    notices,
    async close() {
      await closeHttp1Server(http);
      await components.close();
      unlock();
    },
  };
}
