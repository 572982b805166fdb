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
 * @module
 */

import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { lazySchema, zod } from '../../common/lazy-zod.js';
import { DEFAULT_ACCESS_KEY_ID, DEFAULT_ACCOUNT_ID, DEFAULT_SECRET_ACCESS_KEY } from '../../common/default-identity.js';
import { callerPrincipal, compilePolicy, type CallerPrincipal, type CompiledPolicy } from '../authz/index.js';

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
// File format
// ---------------------------------------------------------------------------------------------

/**
 * Access key ids appear inside `Credential=<id>/<date>/...` of the Authorization header, so they
 * must not contain `/`, `,`, `=`, whitespace or control characters. Real ids are 16–128 `\w`
 * characters (IAM `AccessKeyIdType`); we also allow the short lower-case ids local tools use.
 */
const ACCESS_KEY_ID_RE = /^[A-Za-z0-9_.+-]{1,128}$/;
const ACCOUNT_ID_RE = /^\d{12}$/;
/** IAM name characters: `[\w+=,.@-]`; user/role paths may contain `/`. */
const ARN_RE =
  /^arn:aws(?:-[a-z]+)*:(?:iam::(\d{12}):(?:root|user\/[\w+=,.@/-]+|role\/[\w+=,.@/-]+)|sts::(\d{12}):assumed-role\/[\w+=,.@-]+\/[\w+=,.@-]+)$/;

/** The zod schema of a `--credentials` file (built, and zod loaded, on first use: the server's start-up path has no zod). */
export const credentialsFileSchema = lazySchema(() => {
  const { z } = zod();
  const AccessKeySchema = z.strictObject({
    accessKeyId: z.string().regex(ACCESS_KEY_ID_RE, 'access key id must be 1-128 characters of [A-Za-z0-9_.+-]'),
    secretAccessKey: z.string().min(1).max(1024),
    sessionToken: z.string().min(1).max(65536).optional(),
  });

  const PrincipalSchema = z.strictObject({
    arn: z
      .string()
      .regex(
        ARN_RE,
        'principal ARN must be arn:aws:iam::<account>:root|user/<name>|role/<name> or arn:aws:sts::<account>:assumed-role/<role>/<session>',
      ),
    accessKeys: z.array(AccessKeySchema).min(1),
    /** IAM identity policies attached to the principal (documents or JSON text). */
    policies: z.array(z.union([z.string(), z.record(z.string(), z.unknown())])).default([]),
  });

  const AccountSchema = z.strictObject({
    accountId: z.string().regex(ACCOUNT_ID_RE, 'account id must be 12 digits'),
    principals: z.array(PrincipalSchema).min(1),
  });

  const CredentialsFileSchema = z
    .strictObject({
      /** Keep the built-in `test`/`test` principal (default true). */
      includeDefault: z.boolean().default(true),
      accounts: z.array(AccountSchema).default([]),
    })
    .superRefine((file, ctx) => {
      const seenAccounts = new Set<string>();
      const seenKeys = new Set<string>(file.includeDefault ? [DEFAULT_ACCESS_KEY_ID] : []);
      file.accounts.forEach((account, ai) => {
        if (seenAccounts.has(account.accountId)) {
          ctx.addIssue({ code: 'custom', path: ['accounts', ai, 'accountId'], message: `duplicate account ${account.accountId}` });
        }
        seenAccounts.add(account.accountId);
        account.principals.forEach((principal, pi) => {
          const arnAccount = accountOfArn(principal.arn);
          if (arnAccount !== undefined && arnAccount !== account.accountId) {
            ctx.addIssue({
              code: 'custom',
              path: ['accounts', ai, 'principals', pi, 'arn'],
              message: `principal ${principal.arn} is not in account ${account.accountId}`,
            });
          }
          principal.accessKeys.forEach((key, ki) => {
            if (seenKeys.has(key.accessKeyId)) {
              ctx.addIssue({
                code: 'custom',
                path: ['accounts', ai, 'principals', pi, 'accessKeys', ki, 'accessKeyId'],
                message: `duplicate access key id ${key.accessKeyId}`,
              });
            }
            seenKeys.add(key.accessKeyId);
          });
        });
      });
    });
  return CredentialsFileSchema;
});

/** A parsed, validated credentials file. */
export type CredentialsFile = z.output<ReturnType<typeof credentialsFileSchema>>;
/** What may be written in a credentials file (defaults not yet applied). */
export type CredentialsFileInput = z.input<ReturnType<typeof credentialsFileSchema>>;

function accountOfArn(arn: string): string | undefined {
  const m = ARN_RE.exec(arn);
  return m ? (m[1] ?? m[2]) : undefined;
}

/** Validate a parsed JSON value as a credentials file. Throws {@link CredentialsConfigError}. */
export function parseCredentialsFile(json: unknown, source = 'credentials'): CredentialsFile {
  const result = credentialsFileSchema().safeParse(json);
  if (!result.success) {
    throw new CredentialsConfigError(`invalid ${source}:\n${zod().z.prettifyError(result.error)}`, { cause: result.error });
  }
  return result.data;
}

// ---------------------------------------------------------------------------------------------
// Store
// ---------------------------------------------------------------------------------------------

function makeRecord(
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

/** Compiles a principal's identity policies; a bad one is a configuration error naming it. */
function compileIdentityPolicies(arn: string, docs: readonly (string | Record<string, unknown>)[], source: string): CompiledPolicy[] {
  return docs.map((doc, i) => {
    try {
      return compilePolicy(doc, { kind: 'identity' });
    } catch (e) {
      throw new CredentialsConfigError(`invalid ${source}: policy ${i} of ${arn}: ${(e as Error).message || (e as { code?: string }).code || 'malformed policy document'}`, {
        cause: e,
      });
    }
  });
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

  /** Build from a credentials file object (validated here). */
  static fromConfig(config: CredentialsFileInput | CredentialsFile, source?: string): CredentialStore {
    const file = parseCredentialsFile(config, source);
    const records: CredentialRecord[] = [];
    if (file.includeDefault) {
      records.push(
        makeRecord(DEFAULT_ACCESS_KEY_ID, DEFAULT_SECRET_ACCESS_KEY, undefined, DEFAULT_ACCOUNT_ID, DEFAULT_PRINCIPAL_ARN),
      );
    }
    for (const account of file.accounts) {
      for (const principal of account.principals) {
        const policies = compileIdentityPolicies(principal.arn, principal.policies, source ?? 'credentials');
        for (const key of principal.accessKeys) {
          records.push(makeRecord(key.accessKeyId, key.secretAccessKey, key.sessionToken, account.accountId, principal.arn, policies));
        }
      }
    }
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

/**
 * Read and validate a `--credentials` JSON file (synchronous: used once at start-up).
 * Throws {@link CredentialsConfigError} naming the file and every problem found.
 */
export function loadCredentialsFile(path: string): CredentialStore {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new CredentialsConfigError(`cannot read credentials file ${path}: ${(e as Error).message}`, { cause: e });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new CredentialsConfigError(`credentials file ${path} is not valid JSON: ${(e as Error).message}`, { cause: e });
  }
  return CredentialStore.fromConfig(json as CredentialsFileInput, `credentials file ${path}`);
}

/** The store for a server: the file's when `path` is given, else the default one. */
export function createCredentialStore(path?: string): CredentialStore {
  return path === undefined ? CredentialStore.default() : loadCredentialsFile(path);
}
