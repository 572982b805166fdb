/**
 * What every operation handler receives besides its validated input.
 *
 * Handlers are synchronous and pure over (input, keyring, clock reading): the protocol stage
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

export interface AuditNotes {
  /** CloudTrail-like event id, set when the request used a key (GetKeyLastUsage reports it). */
  eventId?: string;
  resources?: string[];
  encryptionContext?: Record<string, string>;
}

export interface OpContext {
  scope: Scope;
  keyring: Keyring;
  encodeContext: EncryptionContextEncoder;
  faults: FaultSet;
  audit: AuditNotes;
  /** The request id the reply carries (`x-amzn-RequestId`); absent in handler unit tests. */
  requestId?: string;
  /** Advances the server clock (control plane only). */
  advanceClock?(ms: number): number;
}

/**
 * One operation: its validated input (the model's generated `<Op>Request` type: blobs as `Buffer`)
 * in, wire-ready JSON object out (blobs base64, times epoch seconds). A handler that makes a key
 * pair (CreateKey of an RSA/ECC key, GenerateDataKeyPair) runs every check synchronously and then
 * answers a Promise: the key generation runs on libuv's thread pool, so an RSA_4096 key (seconds
 * of CPU) does not stall the other requests.
 */
export type OperationHandler<O extends OperationName> = (input: OperationInput<O>, ctx: OpContext) => object | Promise<object>;
