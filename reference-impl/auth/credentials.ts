/**
 * Credential store for SigV4 verification: access key id → secret, optional session token,
 * account and principal.
 *
 * Without configuration the store holds one principal, the one every local-AWS tool defaults to:
 * access key `test`, secret `test`, account `111122223333`, principal
 * `arn:aws:iam::111122223333:root`. A JSON credentials file (`--credentials FILE`) adds more
 * accounts and principals:
 *
 * ```json
 * {
 *   "includeDefault": true,
 *   "accounts": [
 *     {
 *       "accountId": "444455556666",
 *       "principals": [
 *         { "arn": "arn:aws:iam::444455556666:user/alice",
 *           "accessKeys": [{ "accessKeyId": "AKIAALICE0000000001", "secretAccessKey": "alice-secret" }] },
 *         { "arn": "arn:aws:sts::444455556666:assumed-role/Admin/session-1",
 *           "accessKeys": [{ "accessKeyId": "ASIAADMIN000000001", "secretAccessKey": "admin-secret",
 *                            "sessionToken": "FwoGZXIvYXdzE..." }] }
 *       ]
 *     }
 *   ]
 * }
 * ```
 *
 * - `includeDefault` (default `true`) keeps the `test`/`test` principal next to the file's ones.
 * - `policies` (optional, per principal): its IAM identity policies, as policy documents (objects
 *   or JSON text) in the language of key policies without Principal. Every request is authorized
 *   for the principal that signed it (authz/): an account root has every IAM permission of its
 *   account; a user or role session has what its identity policies allow.
 * - An access key with `sessionToken` is a temporary credential: requests signed with it must carry
 *   exactly that `X-Amz-Security-Token`; a key without one rejects any token (AWS answers both with
 *   `UnrecognizedClientException`).
 * - Access key ids are unique across the whole store; a principal ARN's account must be the account
 *   it is listed under.
 *
 * Lookup by access key id is one `Map.get` (O(1)); records are frozen and carry a prebuilt frozen
 * `principal` object so the verifier returns it without allocating.
 *
 * The file format, its checks (zod) and the compilation of identity policies (the policy engine)
 * are in credentials-file.ts, loaded only when a server is given credentials: a server with the
 * default principal loads neither at start.
 *
 * @module
 */

import type { CompiledPolicy } from '../authz/index.js';
import { DEFAULT_ACCESS_KEY_ID, DEFAULT_ACCOUNT_ID, DEFAULT_SECRET_ACCESS_KEY } from '../../common/default-identity.js';
import { callerPrincipal, type CallerPrincipal } from '../records/caller-principal.js';

export { DEFAULT_ACCESS_KEY_ID, DEFAULT_ACCOUNT_ID, DEFAULT_SECRET_ACCESS_KEY };
export const DEFAULT_PRINCIPAL_ARN = `arn:aws:iam::${DEFAULT_ACCOUNT_ID}:root`;

/** Who signed a request. Returned by the verifier; frozen and shared between requests. */
export interface Principal {
  readonly accountId: string;
  /** IAM user/role ARN, account root ARN, or STS assumed-role ARN. */
  readonly arn: string;
  readonly accessKeyId: string;
  /** The caller as the authorization stage sees it (built once; set by every {@link CredentialStore}). */
  readonly caller?: CallerPrincipal;
  /** Its identity policies, compiled once (empty for a root, which needs none). */
  readonly identityPolicies?: readonly CompiledPolicy[];
}

/** One access key as the verifier needs it. */
export interface CredentialRecord {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** Present for temporary credentials: the request must carry exactly this security token. */
  readonly sessionToken: string | undefined;
  readonly principal: Principal;
}

/** What {@link verifySigV4} needs from a store. */
export interface CredentialLookup {
  lookup(accessKeyId: string): CredentialRecord | undefined;
}

/** A problem in the operator's credentials configuration (not a client error). */
export class CredentialsConfigError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CredentialsConfigError';
  }
}

// ---------------------------------------------------------------------------------------------
// Store
// ---------------------------------------------------------------------------------------------

/** A frozen record for one access key of `arn` (identity policies compiled by credentials-file.ts). */
export function makeRecord(
  accessKeyId: string,
  secretAccessKey: string,
  sessionToken: string | undefined,
  accountId: string,
  arn: string,
  identityPolicies: readonly CompiledPolicy[] = [],
): CredentialRecord {
  const caller = Object.freeze(callerPrincipal(arn));
  const principal: Principal = Object.freeze({ accountId, arn, accessKeyId, caller, identityPolicies: Object.freeze([...identityPolicies]) });
  return Object.freeze({ accessKeyId, secretAccessKey, sessionToken, principal });
}

/** In-memory credential store; immutable once built. */
export class CredentialStore implements CredentialLookup, Iterable<CredentialRecord> {
  readonly #byAccessKeyId: ReadonlyMap<string, CredentialRecord>;

  private constructor(records: Iterable<CredentialRecord>) {
    const map = new Map<string, CredentialRecord>();
    for (const r of records) {
      if (map.has(r.accessKeyId)) throw new CredentialsConfigError(`duplicate access key id ${r.accessKeyId}`);
      map.set(r.accessKeyId, r);
    }
    this.#byAccessKeyId = map;
  }

  /** The built-in store: `test` / `test` → `arn:aws:iam::111122223333:root`. */
  static default(): CredentialStore {
    return new CredentialStore([
      makeRecord(DEFAULT_ACCESS_KEY_ID, DEFAULT_SECRET_ACCESS_KEY, undefined, DEFAULT_ACCOUNT_ID, DEFAULT_PRINCIPAL_ARN),
    ]);
  }

  /** A store of these records (credentials-file.ts builds one from a file). */
  static of(records: Iterable<CredentialRecord>): CredentialStore {
    return new CredentialStore(records);
  }

  /** Build from explicit records (tests, embedding). */
  static fromRecords(
    records: Iterable<{ accessKeyId: string; secretAccessKey: string; sessionToken?: string; accountId: string; arn: string }>,
  ): CredentialStore {
    const out: CredentialRecord[] = [];
    for (const r of records) out.push(makeRecord(r.accessKeyId, r.secretAccessKey, r.sessionToken, r.accountId, r.arn));
    return new CredentialStore(out);
  }

  /** O(1) lookup by access key id. */
  lookup(accessKeyId: string): CredentialRecord | undefined {
    return this.#byAccessKeyId.get(accessKeyId);
  }

  get size(): number {
    return this.#byAccessKeyId.size;
  }

  /** Distinct account ids in the store. */
  accountIds(): string[] {
    return [...new Set([...this.#byAccessKeyId.values()].map((r) => r.principal.accountId))];
  }

  [Symbol.iterator](): Iterator<CredentialRecord> {
    return this.#byAccessKeyId.values();
  }
}
