/**
 * Opening a target: from what `--endpoint` named to a {@link Target} the engines can use —
 * starting the embedded server, finding the credentials, knowing the account where it can.
 * Whoever opens a target closes it ({@link withTarget} does both).
 *
 * @module
 */
import { DEFAULT_ACCOUNT_ID } from '../../common/default-identity.js';
import type { Credentials } from '../client/sign.js';
import { probeCapabilities } from './capabilities.js';
import { DEFAULT_CREDENTIALS, defaultChainCredentials, useDefaultChain } from './credentials.js';
import { startEmbedded } from './embedded.js';
import { serverQuotaMetrics } from './quota-metrics.js';
import { awsEndpoint, isAwsHost, type TargetSpec } from './spec.js';
import type { EmbeddedInjection, EmbeddedQuotas, Target } from './types.js';
import { embeddedIdentities, type Identities } from './identities.js';

export interface OpenTargetOptions {
  region: string;
  /**
   * Credentials for a non-embedded endpoint (default: the SDK's default chain when it has
   * something to find or the target is AWS, else `test`/`test`). The embedded server always
   * takes `test`/`test`.
   */
  credentials?: Credentials;
  /** A named profile of the shared AWS config/credentials files (instead of `credentials`; not for the embedded server). */
  profile?: string;
  /** Identities for a non-embedded endpoint (the embedded server has its own: identities.ts). */
  identities?: Identities;
  /**
   * How to start the embedded server (default: quotas off, no audit log, fresh key pairs;
   * `keyPairs: 'test-pool'` is for tests only: see startEmbedded).
   */
  embedded?: { quotas?: EmbeddedQuotas; audit?: boolean; label?: string; inject?: EmbeddedInjection; keyPairs?: 'fresh' | 'test-pool' };
}

export const QUOTAS_OFF: EmbeddedQuotas = { enabled: false };

export async function openTarget(spec: TargetSpec, options: OpenTargetOptions): Promise<Target> {
  const region = options.region;
  if (spec.kind === 'embedded') {
    const faults = spec.faults ?? [];
    const { identities, serverCredentials } = embeddedIdentities(DEFAULT_ACCOUNT_ID);
    const server = await startEmbedded({
      credentials: serverCredentials,
      region,
      faults,
      quotas: options.embedded?.quotas ?? QUOTAS_OFF,
      audit: options.embedded?.audit ?? false,
      label: options.embedded?.label ?? 'target',
      ...(options.embedded?.inject ? { inject: options.embedded.inject } : {}),
      ...(options.embedded?.keyPairs ? { keyPairs: options.embedded.keyPairs } : {}),
    });
    const credentials = { ...DEFAULT_CREDENTIALS };
    return {
      kind: 'embedded',
      isAws: false,
      endpoint: server.url,
      sdkEndpoint: server.url,
      region,
      credentials,
      sdkCredentials: credentials,
      account: DEFAULT_ACCOUNT_ID,
      identities,
      embedded: {
        faults,
        get quotas() {
          return server.quotas;
        },
        restart: (quotas) => server.restart(quotas),
      },
      probe: (request) => probeCapabilities({ ...request, endpoint: server.url, region, credentials, account: DEFAULT_ACCOUNT_ID, identities }),
      quotaMetrics: () => serverQuotaMetrics(server.url, region),
      close: () => server.close(),
    };
  }
  const isAws = spec.kind === 'aws' || isAwsHost(spec.endpoint);
  const endpoint = spec.kind === 'aws' ? awsEndpoint(region) : spec.endpoint;
  const fromProfile = options.profile !== undefined ? await defaultChainCredentials(region, options.profile) : undefined;
  const given = fromProfile ?? options.credentials ?? (useDefaultChain(isAws) ? undefined : { ...DEFAULT_CREDENTIALS });
  const credentials = given ?? (await defaultChainCredentials(region));
  return {
    kind: spec.kind,
    isAws,
    endpoint,
    sdkEndpoint: spec.kind === 'aws' ? undefined : endpoint,
    region,
    credentials,
    sdkCredentials: given,
    account: undefined,
    embedded: undefined,
    identities: options.identities,
    probe: (request) => probeCapabilities({ ...request, endpoint, region, credentials, ...(options.identities ? { identities: options.identities } : {}) }),
    quotaMetrics: () => serverQuotaMetrics(endpoint, region),
    close: async () => {},
  };
}

/** Opens the target, runs `fn` with it, and closes it whatever happens. */
export async function withTarget<T>(spec: TargetSpec, options: OpenTargetOptions, fn: (target: Target) => Promise<T>): Promise<T> {
  const target = await openTarget(spec, options);
  try {
    return await fn(target);
  } finally {
    await target.close();
  }
}
