/**
 * What {@link startServer} takes ({@link ServerOptions}), what it makes of them after filling in
 * defaults and checking the quota configuration ({@link ResolvedOptions}, which also travels to
 * cluster workers as JSON), and what it gives back ({@link RunningServer}).
 *
 * @module
 */
import { DEFAULT_ACCOUNT_ID } from '../common/default-identity.js';
import { readFileSync } from 'node:fs';
import { QuotaConfigError } from '../common/quota/profiles.js';
import { rateResolver, type QuotaSettings } from './quota/admission.js';
import { checkDeadlines } from './protocol/connection-guard.js';
import { HTTP1_DEFAULTS } from './protocol/http1-server.js';
import { NO_INJECTION, parseInjection, type InjectionSettings } from './inject/injection-settings.js';
import type { CredentialsFileInput } from './auth/credentials-file.js';
import type { KeyPairMode } from './hsm/key-pair-source.js';

export interface ServerOptions {
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Where the store, master key and audit log live. Default `.kmsbench/data`. */
  dataDir?: string;
  region?: string;
  /** Account of the default `test`/`test` credentials (ignored with `credentialsFile`). */
  account?: string;
  credentialsFile?: string;
  /** The same as `credentialsFile`'s content, given inline (the embedded conformance target's identities); ignored with `credentialsFile`. */
  credentials?: CredentialsFileInput;
  /** Worker processes; 1 runs in this process. Default 1 (the CLI defaults to the core count). */
  workers?: number;
  /** Deliberate faults (test-only; see faults.ts). */
  faults?: string[];
  /** Write the audit log (default true). */
  audit?: boolean;
  /** `FULL` makes commits survive power loss too (default `NORMAL`: survives process crashes). */
  synchronous?: 'NORMAL' | 'FULL';
  /** Most ms to receive a request's head, from its first byte (a connection's first: from connect); 0: no limit. Default 10 s. */
  headersTimeoutMs?: number;
  /** Most ms to receive a whole request, from the same start; 0: no limit. Default 30 s. */
  requestTimeoutMs?: number;
  /** Open connections per serving process at most; more are closed as they arrive. Default 10,000. */
  maxConnections?: number;
  /**
   * Where to dial each external key store proxy: `XksProxyUriEndpoint` (`https://host`) → base URL
   * (e.g. `http://127.0.0.1:8080`, a proxy started with `kmsbench xks-proxy`). Default: the endpoint.
   */
  xksProxies?: Record<string, string>;
  /** Per-call timeout towards XKS proxies, ms (default 250, AWS's). */
  xksTimeoutMs?: number;
  /**
   * Custom key store fixtures for conformance runs (keystores/fixtures.ts): software CloudHSM
   * clusters and a reference XKS proxy on loopback, described by `KmsBench.GetKeyStoreFixtures`.
   */
  keyStoreFixtures?: boolean;
  /**
   * Where RSA key pairs, data key pairs and wrapping keys come from: `fresh` (default) generates
   * each one. `test-pool` is for servers tests start in-process: pairs generated once per process
   * are handed to every such server in the same order (distinct within one server, the same
   * across servers; hsm/key-pair-source.ts). Never for keys anybody keeps. One process only.
   */
  keyPairs?: KeyPairMode;
  /** Request quotas (default: on, the Region's current AWS defaults). */
  quotas?: {
    enabled?: boolean;
    /** Built-in profile: `current` (default), `tier-50k`, `tier-30k`, `2018`, `legacy-2017`. */
    profile?: string;
    /** A JSON quota file (see reference-impl/quota/README.md); replaces `profile`. */
    file?: string;
    /** `CLASS=RATE` (or `burst-seconds=N`) overrides. */
    overrides?: string[];
    /** This server enforces 1/N of each quota (N servers serving one account). */
    share?: number;
  };
  /** A seed file (YAML or JSON, kmsbench's or local-kms's format; see seed/). Applied at start and after a reset. */
  seedFile?: string;
  /** `sigv4` (default): signatures verified. `permissive`: any well-formed credential (auth/permissive.ts). */
  authMode?: 'sigv4' | 'permissive';
  /** Refuse non-AWS conveniences (the `_custom_id_` / `_custom_key_material_` CreateKey tags). Default false. */
  strictAws?: boolean;
  /** Keep no data: a fresh temporary data directory (inside `dataDir` when given), deleted on close; `POST /_kmsbench/reset` clears state. */
  ephemeral?: boolean;
  /** Latency and errors injected on purpose (reference-impl/inject/); default: none. */
  inject?: {
    /** `latency=OP:p50=MS,p99=MS`, `error=CODE:RATE[,op=OP]`, `seed=N` */
    items?: string[];
    /** A latency profile by name (inject/latency-profiles.ts). */
    latencyProfile?: string;
  };
}

export interface RunningServer {
  url: string;
  host: string;
  port: number;
  /** What start-up wants the operator to know (what the seed created and skipped). */
  notices?: string[];
  close(): Promise<void>;
}

export const DEFAULTS = {
  host: '127.0.0.1',
  port: 4599,
  dataDir: '.kmsbench/data',
  region: 'us-east-1',
  account: DEFAULT_ACCOUNT_ID,
} as const;

export type ResolvedOptions = Required<Omit<ServerOptions, 'credentialsFile' | 'credentials' | 'quotas' | 'inject' | 'xksTimeoutMs' | 'seedFile'>> & {
  seedFile?: string;
  xksTimeoutMs?: number;
  credentialsFile?: string;
  credentials?: CredentialsFileInput;
  quotas: QuotaSettings;
  inject: InjectionSettings;
};

function readQuotaFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new QuotaConfigError(`cannot read quota file ${path}: ${(e as Error).message}`);
  }
}

/** Fills in defaults and reads/checks the quota configuration (throws QuotaConfigError on bad input). */
export function resolveOptions(options: ServerOptions = {}): ResolvedOptions {
  const q = options.quotas ?? {};
  const quotas: QuotaSettings = {
    enabled: q.enabled ?? true,
    profile: q.profile ?? 'current',
    overrides: q.overrides ?? [],
    share: q.share ?? 1,
    ...(q.file !== undefined ? { quotaFileText: readQuotaFile(q.file) } : {}),
  };
  rateResolver(quotas); // fail early, in the caller's process, on a bad profile/file/override/share
  const i = options.inject;
  return {
    quotas,
    inject: i ? parseInjection(i.items ?? [], i.latencyProfile) : NO_INJECTION, // throws InjectionConfigError
    host: options.host ?? DEFAULTS.host,
    port: options.port ?? DEFAULTS.port,
    dataDir: options.dataDir ?? DEFAULTS.dataDir,
    region: options.region ?? DEFAULTS.region,
    account: options.account ?? DEFAULTS.account,
    credentialsFile: options.credentialsFile,
    ...(options.credentials !== undefined ? { credentials: options.credentials } : {}),
    workers: Math.max(1, options.workers ?? 1),
    faults: options.faults ?? [],
    audit: options.audit ?? true,
    synchronous: options.synchronous ?? 'NORMAL',
    seedFile: options.seedFile,
    authMode: options.authMode ?? 'sigv4',
    strictAws: options.strictAws ?? false,
    ephemeral: options.ephemeral ?? false,
    ...connectionLimits(options),
    xksProxies: { ...(options.xksProxies ?? {}) },
    keyStoreFixtures: options.keyStoreFixtures ?? false,
    keyPairs: keyPairMode(options),
    ...(options.xksTimeoutMs !== undefined ? { xksTimeoutMs: options.xksTimeoutMs } : {}),
  };
}

/** The key pair mode, checked: the test pool is per process, so two workers would hand out the same pairs. */
function keyPairMode(o: ServerOptions): KeyPairMode {
  const mode = o.keyPairs ?? 'fresh';
  if (mode !== 'fresh' && mode !== 'test-pool') throw new RangeError(`keyPairs must be 'fresh' or 'test-pool', got ${String(mode)}`);
  if (mode === 'test-pool' && (o.workers ?? 1) > 1) throw new RangeError("keyPairs 'test-pool' serves one process only (workers: 1)");
  return mode;
}

/** The HTTP layer's deadlines and connection cap, defaulted and checked (RangeError). */
function connectionLimits(o: ServerOptions): Pick<ResolvedOptions, 'headersTimeoutMs' | 'requestTimeoutMs' | 'maxConnections'> {
  const headersTimeoutMs = o.headersTimeoutMs ?? HTTP1_DEFAULTS.headersTimeoutMs;
  const requestTimeoutMs = o.requestTimeoutMs ?? HTTP1_DEFAULTS.requestTimeoutMs;
  const maxConnections = o.maxConnections ?? HTTP1_DEFAULTS.maxConnections;
  checkDeadlines({ headersTimeoutMs, requestTimeoutMs });
  if (!Number.isInteger(maxConnections) || maxConnections < 1) throw new RangeError(`maxConnections must be a whole number >= 1, got ${maxConnections}`);
  return { headersTimeoutMs, requestTimeoutMs, maxConnections };
}

/** The URL clients use: IPv6 hosts in brackets. */
export const serverUrl = (host: string, port: number): string => `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
