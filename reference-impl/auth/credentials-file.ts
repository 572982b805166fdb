/**
 * The `--credentials` file of auth/credentials.ts: its format (a zod schema, zod loaded on first
 * use), its checks, and the principals' identity policies compiled by the policy engine (authz/).
 * Loaded only when a server is given credentials (components.ts), so a server with the default
 * principal loads neither zod nor the engine at start.
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { lazySchema, zod } from '../../common/lazy-zod.js';
import { DEFAULT_ACCESS_KEY_ID, DEFAULT_ACCOUNT_ID, DEFAULT_SECRET_ACCESS_KEY } from '../../common/default-identity.js';
import { compilePolicy, type CompiledPolicy } from '../authz/index.js';
import { CredentialStore, CredentialsConfigError, DEFAULT_PRINCIPAL_ARN, makeRecord, type CredentialRecord } from './credentials.js';

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

/** The store a credentials file object describes (validated here; identity policies compiled). */
export function credentialStoreFromConfig(config: CredentialsFileInput | CredentialsFile, source?: string): CredentialStore {
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
  return CredentialStore.of(records);
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
  return credentialStoreFromConfig(json as CredentialsFileInput, `credentials file ${path}`);
}

/** The store for a server: the file's when `path` is given, else the default one. */
export function createCredentialStore(path?: string): CredentialStore {
  return path === undefined ? CredentialStore.default() : loadCredentialsFile(path);
}
