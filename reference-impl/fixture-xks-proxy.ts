/**
 * The custom key store fixtures' reference XKS proxy (`--key-store-fixtures`): software keys, the
 * fixture credential, loopback; started beside an in-process server and closed with it. Loaded
 * only when the fixtures are asked for.
 *
 * @module
 */
import type { ResolvedOptions, RunningServer } from './server-options.js';
import { SoftwareEkm } from './xks-proxy/ekm.js';
import { startXksProxy } from './xks-proxy/server.js';
import { FIXTURE_XKS_CREDENTIAL, FIXTURE_XKS_DISABLED_KEY, FIXTURE_XKS_ENDPOINT, FIXTURE_XKS_KEYS, FIXTURE_XKS_PATH } from './keystores/fixtures.js';

/** Starts the fixture proxy, then the server (`start`) dialling it; closing the server closes both. */
export async function withFixtureXksProxy(
  options: ResolvedOptions,
  start: (options: ResolvedOptions) => Promise<RunningServer>,
): Promise<RunningServer> {
  const ekm = new SoftwareEkm();
  for (const id of FIXTURE_XKS_KEYS) ekm.createKey(id);
  ekm.createKey(FIXTURE_XKS_DISABLED_KEY, { enabled: false });
  const proxy = await startXksProxy({ ekm, credentials: [FIXTURE_XKS_CREDENTIAL], uriPath: FIXTURE_XKS_PATH, port: 0, host: '127.0.0.1' });
  try {
    const server = await start({ ...options, xksProxies: { ...options.xksProxies, [FIXTURE_XKS_ENDPOINT]: proxy.url } });
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
