/**
 * What a conformance case is: metadata (like test262's frontmatter) plus one `run` function.
 *
 * ```ts
 * export default defineCase({
 *   id: 'encrypt.context.mismatch-boundary',
 *   title: 'Decrypt refuses a context whose keys and values split differently',
 *   doc: 'https://docs.aws.amazon.com/kms/latest/developerguide/encrypt_context.html',
 *   tags: ['encryption-context'],
 *   ops: ['Encrypt', 'Decrypt'],
 *   async run(t) {
 *     const key = await t.createKey();
 *     const { CiphertextBlob } = await t.kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: t.bytes(16), EncryptionContext: { ab: 'c' } }));
 *     await t.expectError(t.kms.send(new DecryptCommand({ CiphertextBlob, EncryptionContext: { a: 'bc' } })), { code: 'InvalidCiphertextException' });
 *   },
 * });
 * ```
 *
 * The runner's contract (what pass, fail, error and skip mean) is in suites/README.md.
 *
 * @module
 */
import type { KMSClient, KeyMetadata } from '@aws-sdk/client-kms';
import type { RawReply } from '../client/raw-client.js';
import type { Credentials } from '../client/sign.js';
import type { OperationName } from '../../common/model/model.js';
import type { Capability } from '../target/capabilities.js';
import { SOURCE_KINDS } from '../results/conformance-contract.js';
import type { IdentityName } from '../target/identities.js';

export type { IdentityName };

/** Another principal a case signs with (harness/target/identities.ts; the case needs `identities`). */
export interface CaseIdentity {
  /** An SDK client signing as it (retries off, the case's abort signal and call log). */
  kms: KMSClient;
  /** The ARN a key policy or grant names to mean it (a role, user or account root ARN). */
  arn: string;
  account: string;
}

/** The closed list of conformance tags: a case may only use these (scripts/lint-suites checks). */
export const CASE_TAGS = [
  'semantics',
  'limits',
  'encryption-context',
  'key-state',
  'deletion',
  'rotation',
  'aliases',
  'tags',
  'grants',
  'policy',
  'throttling',
  'auth',
  'protocol',
  'import',
  'custom-key-store',
  'multi-region',
  'asymmetric',
  'sign-verify',
  'hmac',
  'key-agreement',
] as const;

export type CaseTag = (typeof CASE_TAGS)[number];

/**
 * Flags, a closed set (scripts/lint-suites checks cases against it):
 * - `needs-clock`: advances the endpoint's clock. Such cases run one at a time with nothing else
 *   running; `t.advanceClock` skips the case where the endpoint has no clock control (so a case
 *   may check the scheduled date first and only then wait).
 * - `destructive`: changes account-wide state (e.g. quotas) — never run concurrently with others.
 * - `slow`: takes more than a second against the reference server (started first).
 * - `real-aws-only`: only meaningful against real AWS (skipped elsewhere).
 */
export const CASE_FLAGS = ['needs-clock', 'destructive', 'slow', 'real-aws-only'] as const;

export type CaseFlag = (typeof CASE_FLAGS)[number];

/** What an endpoint can do (harness/target/capabilities.ts): what `needs` names and the probe establishes. */
export type { Capability };

/** An expected AWS error. `message` may be a string (exact) or a RegExp. Omit to not check it. */
export interface ExpectedError {
  code: string;
  status?: number;
  /** Exact text, a pattern, or `null` for "no message member at all". */
  message?: string | RegExp | null;
}

export interface CaseContext {
  /** The SDK client, retries off (maxAttempts 1). */
  kms: KMSClient;
  /**
   * A client of the same endpoint signing for another Region (multi-Region keys, cross-Region
   * checks); keys it creates are scheduled for deletion in that Region after the case (replicas
   * made with ReplicateKey are the case's own to clean up).
   */
  kmsIn(region: string): KMSClient;
  endpoint: string;
  region: string;
  /** Account of the credentials in use. */
  account: string;
  /** The credentials the run signs with (for requests a case signs itself, e.g. with a broken signature). */
  credentials: Credentials;
  /** This case's id. */
  caseId: string;
  /** Aborted when the case times out (the SDK client and raw calls already use it). */
  signal: AbortSignal;
  /** Sends a signed AWS JSON 1.1 call with exactly this body (object → JSON, string as is). */
  raw(operation: string, body: unknown, options?: { target?: string; headers?: Record<string, string> }): Promise<RawReply>;
  /** Sends arbitrary bytes/headers unsigned unless the headers say otherwise. */
  rawHttp(init: { method?: string; headers: Record<string, string>; body?: string | Buffer }): Promise<RawReply>;
  /** A fresh symmetric key for this case; scheduled for deletion (7 days) after the case. */
  createKey(input?: Record<string, unknown>): Promise<KeyMetadata & { KeyId: string; Arn: string }>;
  /** A unique alias name (`alias/kmsbench/<run>/<case>/<n>`); aliases the case creates are deleted after it. */
  aliasName(suffix?: string): string;
  /** Registers cleanup work (runs after the case, last registered first, errors ignored). */
  cleanup(fn: () => Promise<unknown>): void;
  /** Advances the endpoint's clock; skips the case where the endpoint has no clock control. */
  advanceClock(duration: string): Promise<void>;
  /** Deterministic pseudo-random bytes. */
  bytes(n: number, seed?: number): Uint8Array;
  /** Resolves with the SDK error's code/status/message, or fails the case if the call succeeded or failed differently. */
  expectError(call: Promise<unknown>, expected: ExpectedError): Promise<void>;
  /** Fails the case with an expected-vs-actual record unless `actual` deep-equals `expected`. */
  expectEqual(actual: unknown, expected: unknown, what: string): void;
  /** Fails the case unless `condition` holds. */
  check(condition: boolean, what: string, actual?: unknown): void;
  /**
   * Another principal: `alice` (run account, identity policy kms:*), `bob` (run account, no KMS
   * permission), `other-account-root`, `other-account-user` (second account; Encrypt, Decrypt,
   * DescribeKey). Only for cases that declare `needs: ['identities']`.
   */
  as(name: IdentityName): CaseIdentity;
  /** Ends the case as skipped (only for capabilities the probe could not establish). */
  skip(reason: string): never;
  capabilities: ReadonlySet<Capability>;
  /**
   * The AWS profile judging the run (`--aws-as-of`, YYYY-MM-DD; default today): a case whose
   * expectation changed over time compares it, e.g. `t.awsAsOf >= '2025-06-05'`.
   */
  awsAsOf: string;
  /**
   * Runs a prerequisite step — the state the case needs before its subject runs. Any failure in
   * it (an assertion, a refused call) ends the case as `blocked: <what>: <why>`, not `fail`; a
   * call answered "not implemented" makes it `unsupported`. `coveredBy` names the case whose
   * subject is this very step, so the report can point at the root of a cascade; in that case
   * itself the step runs as its subject (a failure there is `fail`).
   *
   * ```ts
   * const key = await t.given('CreateKey Origin=EXTERNAL gives a PendingImport key', async () => {
   *   const k = await t.createKey({ Origin: 'EXTERNAL' });
   *   t.expectEqual(k.KeyState, 'PendingImport', 'KeyState of a new EXTERNAL key');
   *   return k;
   * }, { coveredBy: 'key-state.pending-import-describe-key' });
   * ```
   */
  given<T>(what: string, step: () => Promise<T>, options?: { coveredBy?: string }): Promise<T>;
  /** A prerequisite: DescribeKey shows `keyId` in `state`, else the case is `blocked`. */
  requireState(keyId: string, state: string, options?: { coveredBy?: string }): Promise<void>;
}

/** How a case knows what AWS does: a closed set (scripts/lint-suites checks cases against it). */
export { SOURCE_KINDS };

/**
 * Where a case's expectation comes from, as data a report can show (results.json, the HTML
 * report and JUnit carry it):
 * - `recorded`: a capture of real AWS answers; `cite` names its `spec/aws-observed.md §…` entry.
 * - `documented`: the AWS docs or the service model state it; `cite` is a URL with anchor or
 *   `service model: <Shape>.<member>`.
 * - `inferred`: reasoned from docs or model; the code or wording asserted was never captured.
 */
export interface CaseSource {
  kind: (typeof SOURCE_KINDS)[number];
  cite: string;
  /** When the source was last checked (YYYY-MM-DD), or the capture's date for `recorded`. */
  verifiedAt: string;
  /**
   * When AWS started behaving so (YYYY-MM-DD), for facts that changed over time: a run whose
   * `--aws-as-of` profile is earlier skips the case ("not yet AWS behaviour as of DATE").
   */
  since?: string;
}

export interface ConformanceCase {
  /** Stable, never reused: `<area>.<behaviour>` in lower-kebab segments. */
  id: string;
  /** One line saying what the endpoint must do. */
  title: string;
  /** The AWS documentation section this checks (URL with anchor). */
  doc: string;
  /** Where the expectation comes from. */
  source: CaseSource;
  tags: CaseTag[];
  /** The KMS operations the case calls (a case is skipped where one is unsupported). */
  ops: OperationName[];
  flags?: CaseFlag[];
  /** Capabilities beyond `ops` the case needs. */
  needs?: Capability[];
  /** Per-case timeout in ms (default 30 s). */
  timeoutMs?: number;
  run(t: CaseContext): Promise<void>;
}

export function defineCase(c: ConformanceCase): ConformanceCase {
  return c;
}

/** A case as loaded from its module (suites/index.ts discovers them), for the runner. */
export interface LoadedCase {
  case: ConformanceCase;
  /** Path under suites/conformance/, with `/` and the source extension `.ts`. */
  file: string;
}

/** A case module that did not load, or whose default export is not a case. */
export interface LoadError {
  file: string;
  message: string;
}
