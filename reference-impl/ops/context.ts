/**
 * What every operation handler receives besides its validated input.
 *
 * Handlers are synchronous and pure over (input, keyring, clock reading) — except where a custom
 * key store's backend must be asked (a Promise then comes back): the protocol stage
 * has already authenticated and validated the request. A handler records the key ARNs and
 * encryption context it touched in `audit` for the audit log.
 *
 * @module
 */
import type { OperationName } from '../../common/model/model.js';
import type { OperationInput } from '../../common/model/schemas.js';
import type { EncryptionContextEncoder } from '../hsm/encryption-context.js';
import type { Keyring, Scope } from '../keys/keyring.js';
import type { FaultSet } from '../faults.js';
import type { AuthzDecision, CallerPrincipal, CompiledPolicy } from '../authz/index.js';
import type * as KeyStoreLogic from '../keystores/index.js';
import type { CloudHsmBackend, CustomKeyStoreRepository, XksProxyApi } from '../keystores/index.js';

/** Custom key stores: where their records live and the backends behind them. */
export interface KeyStoreServices {
  repo: CustomKeyStoreRepository;
  cloudHsm: CloudHsmBackend;
  xks: XksProxyApi;
  /** The key store side of the key and crypto operations (keystores/), loaded with the services (./store-keys.ts uses it). */
  logic: Pick<typeof KeyStoreLogic, 'checkGenerateRandom' | 'createKeyInStore' | 'decryptInStore' | 'effectiveKeyState' | 'encryptInStore'>;
  /** Receives background work (a connection attempt), for tests that wait for it. */
  track?: (work: Promise<void>) => void;
}

/** {@link KeyStoreServices}, created on first need (./key-store-services.ts). */
export interface KeyStoreServicesOnDemand {
  /** The services once created. */
  readonly current: KeyStoreServices | undefined;
  /** Whether a request of `operation` with `input` may touch a custom key store (asked while the services are not created). */
  neededFor(operation: string, input: unknown): boolean;
  /** Creates the services (once). */
  load(): Promise<KeyStoreServices>;
}

export interface AuditNotes {
  /** CloudTrail-like event id, set when the request used a key (GetKeyLastUsage reports it). */
  eventId?: string;
  resources?: string[];
  encryptionContext?: Record<string, string>;
  /** What the injection stage did to the call (set by the pipeline, not by handlers). */
  injected?: string;
  /** The last authorization decision of the request (ReEncrypt makes two). */
  authz?: AuthzDecision;
  /** The grant that allowed it, when a grant did. */
  grantId?: string;
}

export interface OpContext {
  scope: Scope;
  keyring: Keyring;
  encodeContext: EncryptionContextEncoder;
  faults: FaultSet;
  audit: AuditNotes;
  /** `--strict-aws`: refuse non-AWS conveniences (the CreateKey custom-id tags). */
  strictAws?: boolean;
  /** The caller as authorized (set on the request path; handler unit tests may leave it out). */
  caller?: CallerPrincipal;
  identityPolicies?: readonly CompiledPolicy[];
  /** Seals grant tokens (the authorize stage's key: every worker agrees); absent in handler unit tests. */
  grantTokenKey?: Buffer;
  /** Advances the server clock (control plane only). */
  advanceClock?(ms: number): number;
  /** Custom key stores (absent: the server offers none; such calls answer as for a store that does not exist). */
  keyStores?: KeyStoreServices;
  /** The request id the reply carries (`x-amzn-RequestId`; sent to an XKS proxy as kmsRequestId); absent in handler unit tests. */
  requestId?: string;
}

/**
 * One operation: its validated input (the model's generated `<Op>Request` type: blobs as `Buffer`)
 * in, wire-ready JSON object out (blobs base64, times epoch seconds). A handler that makes a key
 * pair (CreateKey of an RSA/ECC key, GenerateDataKeyPair) runs every check synchronously and then
 * answers a Promise: the key generation runs on libuv's thread pool, so an RSA_4096 key (seconds
 * of CPU) does not stall the other requests.
 */
export type OperationHandler<O extends OperationName> = (input: OperationInput<O>, ctx: OpContext) => object | Promise<object>;
