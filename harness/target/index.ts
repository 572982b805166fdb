/**
 * The endpoint a run talks to — the embedded reference server, real AWS or any URL — for every
 * command: reading `--endpoint`, credentials, the default account, starting the embedded server,
 * and asking the endpoint what it can do. The CLI opens a target and passes it to the engines;
 * engines import only its types (types.ts, capabilities.ts, quota-metrics.ts).
 *
 * @module
 */
export { classifyOperationReply, describeReply, PROBE_INPUTS, type Capability, type ProbeEvidence, type ProbeRequest, type ProbeResult } from './capabilities.js';
export { DEFAULT_CREDENTIALS, envCredentials } from './credentials.js';
export { TargetError } from './errors.js';
export { embeddedIdentities, IDENTITY_NAMES, loadIdentities, parseIdentities, type Identities, type Identity, type IdentityName } from './identities.js';
export { openTarget, QUOTAS_OFF, withTarget, type OpenTargetOptions } from './open.js';
export { serverQuotaMetrics, type ServerQuotaMetrics } from './quota-metrics.js';
export { awsEndpoint, configuredEndpoint, isAwsHost, parseEndpointUrl, parseTarget, TargetSpecError, type TargetSpec, type TargetSpecKind } from './spec.js';
export type { EmbeddedControl, EmbeddedInjection, EmbeddedQuotas, Target } from './types.js';
