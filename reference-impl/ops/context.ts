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
  resources?: string[];
  encryptionContext?: Record<string, string>;
  /** What the injection stage did to the call (set by the pipeline, not by handlers). */
  injected?: string;
}

export interface OpContext {
  scope: Scope;
  keyring: Keyring;
  encodeContext: EncryptionContextEncoder;
  faults: FaultSet;
  audit: AuditNotes;
  /** `--strict-aws`: refuse non-AWS conveniences (the CreateKey custom-id tags). */
  strictAws?: boolean;
  /** Advances the server clock (control plane only). */
  advanceClock?(ms: number): number;
}

/**
 * One operation: its validated input (the model's generated `<Op>Request` type: blobs as `Buffer`)
 * in, wire-ready JSON object out (blobs base64, times epoch seconds).
 */
export type OperationHandler<O extends OperationName> = (input: OperationInput<O>, ctx: OpContext) => object;
