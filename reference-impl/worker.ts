/**
 * Entry point of one cluster worker: serves on the port the cluster shares, reports
 * `{type: 'listening', port}` to the primary, and shuts down on `{type: 'shutdown'}`.
 *
 * @module
 */
import type { AddressInfo } from 'node:net';
import { createHttpServer } from './protocol/http-edge.js';
import { closeHttp1Server } from './protocol/http1.js';
import { createComponents, type ResolvedOptions } from './server.js';

const options = JSON.parse(process.env.KMSBENCH_WORKER_OPTIONS ?? '{}') as ResolvedOptions;

try {
  const components = await createComponents(options);
  const http = createHttpServer(components.pipeline);
  http.listen(options.port, options.host, () => {
    process.send?.({ type: 'listening', port: (http.address() as AddressInfo).port });
  });
  const shutdown = async () => {
    await closeHttp1Server(http);
    await components.close();
    process.exit(0);
  };
  process.on('message', (m: { type?: string }) => {
    if (m?.type === 'shutdown') void shutdown();
  });
  process.on('SIGTERM', () => void shutdown());
  process.on('SIGINT', () => void shutdown());
} catch (e) {
  process.send?.({ type: 'error', error: (e as Error).message });
  process.exit(1);
}
