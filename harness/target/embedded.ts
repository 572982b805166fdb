/**
 * The embedded reference server: started in this process on a free port, on a fresh data
 * directory that goes when it closes. It reaches the server only through its public entry
 * (reference-impl/server.ts), loaded when first needed.
 *
 * @module
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TargetError } from './errors.js';
import type { EmbeddedInjection, EmbeddedQuotas } from './types.js';

export interface EmbeddedOptions {
  region: string;
  /** Deliberate faults (test-only; reference-impl/faults.ts). */
  faults: string[];
  quotas: EmbeddedQuotas;
  /** Write the server's audit log. */
  audit: boolean;
  /** Names the temporary data directory (`kmsbench-LABEL-…`). */
  label: string;
  /** Latency and errors to inject (`--inject`, `--latency-profile`; reference-impl/inject/). */
  inject?: EmbeddedInjection;
  /** More accounts and principals (the server's credentials file format). */
  credentials?: object;
  /**
   * `test-pool`: for servers tests start in this process only — key pairs generated once per
   * process are reused by every such server (reference-impl/hsm/key-pair-source.ts). Default `fresh`.
   */
  keyPairs?: 'fresh' | 'test-pool';
}

export interface EmbeddedServer {
  url: string;
  port: number;
  /** The quota settings it runs with now. */
  quotas: EmbeddedQuotas;
  /** Restarts on the same data and port with other quota settings (e.g. AWS's defaults, to study throttling). */
  restart(quotas: EmbeddedQuotas): Promise<void>;
  close(): Promise<void>;
}

export async function startEmbedded(options: EmbeddedOptions): Promise<EmbeddedServer> {
  const { startServer } = await import('../../reference-impl/server.js');
  const dataDir = mkdtempSync(join(tmpdir(), `kmsbench-${options.label}-`));
  const start = (port: number, quotas: EmbeddedQuotas) =>
    startServer({
      port,
      dataDir,
      region: options.region,
      workers: 1,
      audit: options.audit,
      faults: options.faults,
      ...(options.credentials ? { credentials: options.credentials as never } : {}),
      // Custom key store cases create stores against these (software clusters, a loopback XKS proxy).
      keyStoreFixtures: true,
      quotas: { enabled: quotas.enabled, ...(quotas.overrides ? { overrides: quotas.overrides } : {}) },
      ...(options.inject ? { inject: options.inject } : {}),
      ...(options.keyPairs ? { keyPairs: options.keyPairs } : {}),
    });
  let server: Awaited<ReturnType<typeof start>>;
  try {
    server = await start(0, options.quotas);
  } catch (e) {
    rmSync(dataDir, { recursive: true, force: true });
    throw new TargetError(`the embedded reference server did not start: ${(e as Error).message}`);
  }
  const port = server.port;
  const embedded: EmbeddedServer = {
    url: server.url,
    port,
    quotas: options.quotas,
    async restart(quotas) {
      await server.close();
      server = await start(port, quotas);
      embedded.quotas = quotas;
    },
    async close() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return embedded;
}
