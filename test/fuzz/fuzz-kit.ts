/**
 * Shared pieces of the robustness suites under test/fuzz/: an in-process server on a fresh data
 * directory, signed requests driven through `Pipeline.handle`, the "AWS-style 4xx error" check,
 * a leak scanner for plaintext / key material, and a snapshot of everything stored.
 *
 * Every sensitive value the fuzzers send starts with {@link CANARY} (12 characters of
 * `[A-Z2-7]`, fresh per process, so it also satisfies the XKS credential patterns). Scanning a
 * response or the audit log for the canary in raw, base64 and hex form therefore finds any echo
 * of any sensitive value, without keeping every generated value around.
 *
 * @module
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signJsonRequest, type Credentials } from '../../harness/client/sign.js';
import { ERROR_TABLE } from '../../reference-impl/errors.js';
import type { RawRequest, RawResponse } from '../../reference-impl/protocol/pipeline.js';
import { createComponents, type ServerComponents } from '../../reference-impl/components.js';
import { resolveOptions } from '../../reference-impl/server-options.js';

export const REGION = 'us-east-1';
export const ACCOUNT = '111122223333';
export const CREDENTIALS: Credentials = { accessKeyId: 'test', secretAccessKey: 'test' };
export const ENDPOINT = 'http://kms.fuzz.local';
export const JSON_TYPE = 'application/x-amz-json-1.1';
/** FUZZ_SEED: the fast-check seed to replay (the one a failure printed); random otherwise. */
export const FUZZ_SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);

const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
/** Prefix of every sensitive value the fuzzers send (fresh per process). */
export const CANARY = Array.from(randomBytes(12), (b) => B32[b & 31]).join('');

// ---- requests ------------------------------------------------------------------------------

export interface SignOptions {
  credentials?: Credentials;
  region?: string;
  signingDate?: Date;
  extraHeaders?: Record<string, string>;
}

/** A SigV4-signed AWS JSON 1.1 request, as the HTTP edge would hand it to the pipeline. */
export async function signedRequest(target: string, body: string | Buffer, opts: SignOptions = {}): Promise<RawRequest> {
  const signed = await signJsonRequest({
    endpoint: ENDPOINT,
    region: opts.region ?? REGION,
    credentials: opts.credentials ?? CREDENTIALS,
    target,
    body,
    extraHeaders: opts.extraHeaders,
    signingDate: opts.signingDate,
  });
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(signed.headers)) headers[k.toLowerCase()] = v;
  return { method: 'POST', url: '/', headers, body: Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8'), remoteAddress: '127.0.0.1' };
}

export interface Reply extends RawResponse {
  json: unknown;
}

export function parseReply(res: RawResponse): Reply {
  let json: unknown;
  try {
    json = JSON.parse(res.body);
  } catch {
    json = undefined;
  }
  return { ...res, json };
}

// ---- the in-process server -------------------------------------------------------------------

export class FuzzEnv {
  /** Request ids of every reply the pipeline gave (to check the audit log covers them). */
  readonly requestIds: string[] = [];

  private constructor(
    readonly dataDir: string,
    readonly components: ServerComponents,
  ) {}

  /**
   * A server on a fresh data directory; `faults` switches on deliberate bugs (reference-impl/faults.ts).
   * Request quotas are off unless asked for: bursts of key-management calls would otherwise be
   * throttled before they reach the code under test (ThrottlingException is a valid reply too).
   */
  static async open(options: { prefix?: string; faults?: string[]; quotas?: boolean } = {}): Promise<FuzzEnv> {
    const dataDir = mkdtempSync(join(tmpdir(), options.prefix ?? 'kmsbench-fuzz-'));
    const components = await createComponents(
      resolveOptions({ dataDir, port: 0, faults: options.faults, quotas: { enabled: options.quotas ?? false } }),
    );
    return new FuzzEnv(dataDir, components);
  }

  get pipeline() {
    return this.components.pipeline;
  }

  /** Runs one request through the whole pipeline (sync or async, whichever the pipeline is). */
  async handle(req: RawRequest): Promise<Reply> {
    const res = await this.components.pipeline.handle(req);
    const id = res.headers['x-amzn-requestid'];
    if (id) this.requestIds.push(id);
    return parseReply(res);
  }

  /** Signs `body` (an object is JSON-encoded) for `TrentService.<op>` and runs it. */
  async call(op: string, body: unknown, opts: SignOptions = {}): Promise<Reply> {
    const raw = typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
    return await this.handle(await signedRequest(`TrentService.${op}`, raw, opts));
  }

  /** Like {@link call} but fails unless the call succeeds; returns the parsed body. */
  async ok(op: string, body: unknown): Promise<Record<string, unknown>> {
    const r = await this.call(op, body);
    if (r.status !== 200) throw new Error(`${op} failed: ${r.status} ${r.body.slice(0, 300)}`);
    return r.json as Record<string, unknown>;
  }

  auditPath(): string {
    return join(this.dataDir, 'audit.log');
  }

  /** Closes the store and flushes the audit log (idempotent). */
  async close(): Promise<void> {
    await this.components.close();
  }

  remove(): void {
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

// ---- the error-shape check -----------------------------------------------------------------

const REQUEST_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Why `res` is not an AWS-style client error, or undefined when it is: status 4xx matching the
 * error table, JSON 1.1 content type, a request id, a JSON object body with a known `__type`
 * (bare code) and at most a string `message`.
 */
export function awsErrorProblem(res: RawResponse): string | undefined {
  if (res.status < 400 || res.status > 499) return `status ${res.status} (want 4xx)`;
  if (res.headers['content-type'] !== JSON_TYPE) return `content-type ${res.headers['content-type']}`;
  if (!REQUEST_ID.test(res.headers['x-amzn-requestid'] ?? '')) return `x-amzn-requestid ${res.headers['x-amzn-requestid']}`;
  let body: unknown;
  try {
    body = JSON.parse(res.body);
  } catch {
    return 'body is not JSON';
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'body is not a JSON object';
  const { __type: type, message, ...rest } = body as Record<string, unknown>;
  if (typeof type !== 'string' || !Object.hasOwn(ERROR_TABLE, type)) return `__type ${String(type)} not in the error table`;
  if (ERROR_TABLE[type as keyof typeof ERROR_TABLE].status !== res.status) return `status ${res.status} != table status for ${type}`;
  if (message !== undefined && typeof message !== 'string') return 'message is not a string';
  if ((type === 'ValidationException' || type === 'NotFoundException') && !message) return `${type} without a message`;
  if (Object.keys(rest).length > 0) return `extra members ${Object.keys(rest).join(',')}`;
  return undefined;
}

/**
 * Throws, with everything needed to reproduce, unless `r` is a clean AWS error (see
 * {@link awsErrorProblem}) that leaks nothing `scanner` knows and, when `allowed` is given, has
 * one of those codes.
 */
export function expectCleanError(scanner: LeakScanner, label: string, body: string | Buffer, r: Reply, allowed?: readonly string[]): void {
  const leak = scanner.find(r.body);
  const type = errorType(r) ?? '';
  const problem =
    awsErrorProblem(r) ?? (leak ? `leaks ${leak}` : undefined) ?? (allowed && !allowed.includes(type) ? `want ${allowed.join(' | ')}` : undefined);
  if (problem) {
    const shown = (Buffer.isBuffer(body) ? body.toString('latin1') : body).slice(0, 400);
    throw new Error(`[${label}] ${problem}\n  request: ${shown}\n  reply: ${r.status} ${r.body.slice(0, 400)}`);
  }
}

export const errorType = (r: Reply): string | undefined =>
  r.json && typeof r.json === 'object' ? ((r.json as Record<string, unknown>).__type as string | undefined) : undefined;

// ---- leak scanning -------------------------------------------------------------------------

const b64 = (b: Buffer) => b.toString('base64').replace(/=+$/, '');
const b64url = (b: Buffer) => b.toString('base64url');

/** Finds secrets (raw text, base64, base64url, hex) in text. */
export class LeakScanner {
  private readonly needles = new Map<string, string>();

  constructor() {
    this.addText('canary', CANARY);
    this.addBytes('canary bytes', Buffer.from(CANARY, 'latin1'), false);
  }

  /** Adds the encodings of `bytes`; with `partial`, also of its first 12 bytes (truncated echoes). */
  addBytes(label: string, bytes: Buffer, partial = true): void {
    const forms = [b64(bytes), b64url(bytes), bytes.toString('hex'), bytes.toString('hex').toUpperCase()];
    if (partial && bytes.length > 12) {
      const head = bytes.subarray(0, 12);
      forms.push(b64(head), b64url(head), head.toString('hex'), head.toString('hex').toUpperCase());
    }
    for (const f of forms) if (f.length >= 16) this.needles.set(f, label);
  }

  addText(label: string, text: string): void {
    if (text.length >= 8) this.needles.set(text, label);
  }

  get size(): number {
    return this.needles.size;
  }

  /** The label of the first secret found in `text`, or undefined. */
  find(text: string): string | undefined {
    for (const [needle, label] of this.needles) if (text.includes(needle)) return `${label} (${needle.slice(0, 24)}…)`;
    return undefined;
  }
}

/** Every opened backing key of every stored key, and the master key, added to `scanner`. */
export function addKeyMaterial(env: FuzzEnv, scanner: LeakScanner): number {
  const { store, keyring } = env.components;
  let n = 0;
  for (const key of store.allKeys()) {
    for (const b of store.listBackingKeys(key.keyId)) {
      const m = keyring.material(key, b.version);
      if (m) {
        scanner.addBytes(`backing key ${key.keyId}/${b.version}`, Buffer.from(m));
        n++;
      }
      scanner.addBytes(`sealed backing key ${key.keyId}/${b.version}`, Buffer.from(b.sealed));
    }
  }
  if (!process.env.KMSBENCH_MASTER_KEY) {
    const master = readFileSync(join(env.dataDir, 'master.key'));
    scanner.addBytes('master key', master.length === 32 ? master : Buffer.from(master.toString('utf8').trim(), 'base64'));
    n++;
  }
  return n;
}

// ---- store snapshot ------------------------------------------------------------------------

const hex = (v: unknown): unknown => (v instanceof Uint8Array ? Buffer.from(v).toString('hex') : v);

/** Everything the store holds about keys and aliases, as comparable plain data. */
export function storeSnapshot(env: FuzzEnv): unknown {
  const { store } = env.components;
  store.sync();
  const keys = store
    .allKeys()
    .map((k) => ({
      key: structuredClone(k),
      backing: store.listBackingKeys(k.keyId).map((b) => Object.fromEntries(Object.entries(b).map(([f, v]) => [f, hex(v)]))),
      aliases: store.aliasesForKey(k.keyId),
    }))
    .sort((a, b) => (a.key.keyId < b.key.keyId ? -1 : 1));
  return { keys, aliases: store.listAliases(ACCOUNT, REGION) };
}

// ---- raw JSON --------------------------------------------------------------------------------

/** A JSON token inserted verbatim by {@link toJson} (numbers JSON.stringify cannot write, deep nests). */
export class RawJson {
  constructor(readonly text: string) {}
}

/** JSON text of `v`, with {@link RawJson} values inserted verbatim. Not recursive on RawJson. */
export function toJson(v: unknown): string {
  if (v instanceof RawJson) return v.text;
  if (Array.isArray(v)) return `[${v.map((x) => (x === undefined ? 'null' : toJson(x))).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const parts: string[] = [];
    for (const k of Object.keys(v)) {
      const x = (v as Record<string, unknown>)[k];
      if (x !== undefined) parts.push(`${JSON.stringify(k)}:${toJson(x)}`);
    }
    return `{${parts.join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

// ---- seeded keys and known blobs -------------------------------------------------------------

export interface KnownBlob {
  blob: Buffer;
  /** The context it was made with (own properties, `__proto__` included). */
  context?: Record<string, string>;
  keyId: string;
  plaintext: Buffer;
  /** What Decrypt with the right context answers: the plaintext, or this error. */
  expect: 'ok' | 'DisabledException' | 'KMSInvalidStateException';
}

export interface Seed {
  keys: { enabled: string; custom: string; disabled: string; pending: string; rotated: string };
  aliases: string[];
  known: KnownBlob[];
  /** Key ids, key ARNs, alias names and alias ARNs of the seeded keys. */
  realRefs: string[];
}

const arnOf = (keyId: string) => `arn:aws:kms:${REGION}:${ACCOUNT}:key/${keyId}`;

export const CUSTOM_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Id: 'fuzz-custom',
  Statement: [{ Sid: 'root', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'kms:*', Resource: '*' }],
});

/**
 * Keys in every state the server implements, with aliases, tags, a custom policy, automatic and
 * on-demand rotation, and ciphertexts made before any fuzzing (plaintexts start with the canary,
 * data keys are registered with `scanner`).
 */
export async function seedKeys(env: FuzzEnv, scanner: LeakScanner): Promise<Seed> {
  const create = async (body: object) => ((await env.ok('CreateKey', body)).KeyMetadata as { KeyId: string }).KeyId;
  const enabled = await create({ Description: 'fuzz: enabled', Tags: [{ TagKey: 'team', TagValue: 'fuzz' }] });
  const custom = await create({ Description: 'fuzz: custom policy', Policy: CUSTOM_POLICY });
  const disabled = await create({ Description: 'fuzz: disabled' });
  const pending = await create({ Description: 'fuzz: pending deletion' });
  const rotated = await create({ Description: 'fuzz: rotated on demand' });
  const aliases = ['alias/fuzz-enabled', 'alias/fuzz-custom', 'alias/fuzz-custom-2', 'alias/fuzz-pending', 'alias/fuzz/rotated_1'];
  const targets = [enabled, custom, custom, pending, rotated];
  for (let i = 0; i < aliases.length; i++) await env.ok('CreateAlias', { AliasName: aliases[i], TargetKeyId: targets[i] });
  await env.ok('EnableKeyRotation', { KeyId: enabled, RotationPeriodInDays: 90 });

  const known: KnownBlob[] = [];
  let n = 0;
  const encrypt = async (keyId: string, contextJson?: string): Promise<KnownBlob> => {
    const plaintext = Buffer.concat([Buffer.from(`${CANARY} known plaintext #${n++} `, 'latin1'), randomBytes(24)]);
    const context = contextJson === undefined ? undefined : (JSON.parse(contextJson) as Record<string, string>);
    const body = `{"KeyId":${JSON.stringify(keyId)},"Plaintext":"${plaintext.toString('base64')}"${contextJson ? `,"EncryptionContext":${contextJson}` : ''}}`;
    const out = await env.ok('Encrypt', body);
    const k: KnownBlob = { blob: Buffer.from(out.CiphertextBlob as string, 'base64'), context, keyId, plaintext, expect: 'ok' };
    known.push(k);
    return k;
  };
  await encrypt(enabled);
  await encrypt(enabled, '{"purpose":"fuzz"}');
  await encrypt(enabled, '{"ab":"c"}');
  await encrypt(enabled, '{"__proto__":"x","constructor":"y","":""}');
  await encrypt(custom, '{"tenant":"t-1","\\u00e9":"\\ud83d\\ude00"}');
  await encrypt(rotated, '{"v":"1"}');
  await env.ok('RotateKeyOnDemand', { KeyId: rotated });
  await encrypt(rotated, '{"v":"2"}');
  const dk = await env.ok('GenerateDataKey', { KeyId: enabled, KeySpec: 'AES_256', EncryptionContext: { dk: '1' } });
  const dataKey = Buffer.from(dk.Plaintext as string, 'base64');
  scanner.addBytes('data key', dataKey);
  known.push({ blob: Buffer.from(dk.CiphertextBlob as string, 'base64'), context: { dk: '1' }, keyId: enabled, plaintext: dataKey, expect: 'ok' });
  const d = await encrypt(disabled, '{"state":"disabled"}');
  d.expect = 'DisabledException';
  await env.ok('DisableKey', { KeyId: disabled });
  const p = await encrypt(pending, '{"state":"pending"}');
  p.expect = 'KMSInvalidStateException';
  await env.ok('ScheduleKeyDeletion', { KeyId: pending, PendingWindowInDays: 7 });

  const ids = [enabled, custom, disabled, pending, rotated];
  const realRefs = [...ids, ...ids.map(arnOf), ...aliases, ...aliases.map((a) => `arn:aws:kms:${REGION}:${ACCOUNT}:${a}`)];
  return { keys: { enabled, custom, disabled, pending, rotated }, aliases, known, realRefs };
}

/** What the API says about every seeded key (all read-only calls). */
export async function apiSnapshot(env: FuzzEnv, seed: Seed): Promise<unknown> {
  const out: Record<string, unknown> = {};
  const read = async (op: string, body: object) => {
    const r = await env.call(op, body);
    return { status: r.status, json: r.json };
  };
  for (const [name, keyId] of Object.entries(seed.keys)) {
    out[name] = {
      describe: await read('DescribeKey', { KeyId: keyId }),
      policy: await read('GetKeyPolicy', { KeyId: keyId, PolicyName: 'default' }),
      tags: await read('ListResourceTags', { KeyId: keyId }),
      rotation: await read('GetKeyRotationStatus', { KeyId: keyId }),
      rotations: await read('ListKeyRotations', { KeyId: keyId, IncludeKeyMaterial: 'ALL_KEY_MATERIAL' }),
      aliases: await read('ListAliases', { KeyId: keyId }),
    };
  }
  out.listKeys = await read('ListKeys', {});
  out.listAliases = await read('ListAliases', {});
  return out;
}

/** Decrypts every known blob with its own context; returns problems (empty when all is well). */
export async function checkKnownBlobs(env: FuzzEnv, seed: Seed): Promise<string[]> {
  const problems: string[] = [];
  for (const [i, k] of seed.known.entries()) {
    const ctx = k.context === undefined ? '' : `,"EncryptionContext":${toJson(k.context)}`;
    const r = await env.call('Decrypt', `{"CiphertextBlob":"${k.blob.toString('base64')}"${ctx}}`);
    if (k.expect === 'ok') {
      const pt = r.status === 200 ? Buffer.from(String((r.json as Record<string, unknown>).Plaintext), 'base64') : undefined;
      if (!pt || !pt.equals(k.plaintext)) problems.push(`blob #${i} (${k.keyId}): ${r.status} ${r.body.slice(0, 200)}`);
    } else if (errorType(r) !== k.expect) {
      problems.push(`blob #${i} (${k.keyId}): want ${k.expect}, got ${r.status} ${r.body.slice(0, 200)}`);
    }
  }
  return problems;
}

/** Reads the audit log: every line must be a JSON object. */
export function readAudit(path: string): { lines: Array<Record<string, unknown>>; text: string; bad: string[] } {
  const text = readFileSync(path, 'utf8');
  const lines: Array<Record<string, unknown>> = [];
  const bad: string[] = [];
  for (const line of text.split('\n')) {
    if (line === '') continue;
    try {
      const v = JSON.parse(line) as unknown;
      if (typeof v === 'object' && v !== null && !Array.isArray(v)) lines.push(v as Record<string, unknown>);
      else bad.push(line.slice(0, 200));
    } catch {
      bad.push(line.slice(0, 200));
    }
  }
  return { lines, text, bad };
}
