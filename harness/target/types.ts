/**
 * What the engines see of a target: an opened endpoint with its Region, credentials and account,
 * and the questions they may ask it (its capabilities, its quota counters). The CLI opens the
 * target (open.ts) and hands it to an engine, which only imports these types.
 *
 * @module
 */
import type { Credentials } from '../client/sign.js';
import type { ProbeRequest, ProbeResult } from './capabilities.js';
import type { ServerQuotaMetrics } from './quota-metrics.js';
import type { Identities } from './identities.js';

/** The embedded server's request quotas: off, AWS's defaults for the Region, or those with `CLASS=RATE` overrides. */
export interface EmbeddedQuotas {
  enabled: boolean;
  overrides?: string[];
}

/** What the embedded server injects on purpose: `--inject` items and a latency profile (reference-impl/inject/). */
export interface EmbeddedInjection {
  items: string[];
  latencyProfile?: string;
}

/** What only the embedded server offers: its faults, and control of its quotas. */
export interface EmbeddedControl {
  faults: string[];
  /** Its quota settings now. */
  readonly quotas: EmbeddedQuotas;
  /** Restarts on the same data and port with other quota settings. */
  restart(quotas: EmbeddedQuotas): Promise<void>;
}

export interface Target {
  /** What `--endpoint` named. */
  kind: 'embedded' | 'aws' | 'url';
  /** Real AWS: `aws`, or a URL on an AWS host. */
  isAws: boolean;
  /** URL for raw (signed) calls. */
  endpoint: string;
  /** Endpoint for the SDK; undefined lets the SDK resolve the Region's AWS endpoint. */
  sdkEndpoint: string | undefined;
  region: string;
  /** Credentials for signing raw calls. */
  credentials: Credentials;
  /** Credentials to give the SDK; undefined: its own default chain (which refreshes them). */
  sdkCredentials: Credentials | undefined;
  /** The account, when known without asking (the embedded server's). */
  account: string | undefined;
  /** Set for the embedded server only. */
  embedded: EmbeddedControl | undefined;
  /** The principals the policy and grant cases sign with (identities.ts); undefined when the run has none. */
  identities: Identities | undefined;
  /** Asks the endpoint what it can do (creates one key and schedules its deletion). */
  probe(request: ProbeRequest): Promise<ProbeResult>;
  /** A kmsbench server's quota counters; undefined for other endpoints. */
  quotaMetrics(): Promise<ServerQuotaMetrics | undefined>;
  /** Stops the embedded server and removes its data; nothing for other endpoints. */
  close(): Promise<void>;
}
