/**
 * The reference server in-process, without sockets, for tests of its handlers
 * (`reference-impl/ops/*.test.ts`): the components of one serving process on a throw-away data
 * directory, an unmodified `@aws-sdk/client-kms` client whose request handler hands each signed
 * request to `Pipeline.handle` (so every call goes through the same stages as over HTTP: target,
 * SigV4, parse, validate, quota, operation, reply, audit), raw signed calls for exact error bodies
 * and the control plane, and a helper that captures a refusal as `{ name, message, status }`.
 *
 * Test-only (under test/): nothing outside tests imports it, and it is not built into dist/.
 *
 * @module
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateAliasCommand, CreateKeyCommand, KMSClient, type CreateKeyCommandInput, type KeyMetadata } from '@aws-sdk/client-kms';
import { afterAll, beforeAll, expect } from 'vitest';
import { outcomeOf } from '../../harness/client/service-error.js';
import { signJsonRequest } from '../../harness/client/sign.js';
import { AuditLog, type AuditEntry } from '../../reference-impl/audit/audit-log.js';
import type { CredentialsFileInput } from '../../reference-impl/auth/credentials-file.js';
import { createComponents, type ComponentExtras, type ServerComponents } from '../../reference-impl/components.js';
import type { Pipeline, RawRequest } from '../../reference-impl/protocol/pipeline.js';
import { resolveOptions, type ServerOptions } from '../../reference-impl/server-options.js';

export const REGION = 'us-east-1';
export const ACCOUNT = '111122223333';
export const CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' } as const;
export const ROOT = `arn:aws:iam::${ACCOUNT}:root`;
export const DAY_SECONDS = 86_400;
/** Never connected to: requests are handed to the pipeline. */
const ENDPOINT = 'http://kms.in-process.test';

export const keyArnOf = (keyId: string, region = REGION, account = ACCOUNT): string =>
  `arn:aws:kms:${region}:${account}:key/${keyId}`;
export const aliasArnOf = (aliasName: string, region = REGION, account = ACCOUNT): string =>
  `arn:aws:kms:${region}:${account}:${aliasName}`;

/** A refusal as the SDK surfaced it. */
export interface Refusal {
  name: string;
  message: string;
  status: number | undefined;
}

/**
 * Awaits a call that must fail and returns its error code, message and HTTP status.
 * Throws (failing the test) if the call succeeds or fails with something that is not a service error.
 */
export async function refusal(p: Promise<unknown>): Promise<Refusal> {
  const ended = await outcomeOf(p);
  if (!ended.refusal) throw new Error(`expected the call to fail, but it returned ${JSON.stringify(ended.out)}`);
  const { code, message, status } = ended.refusal;
  return { name: code, message, status };
}

/** Members of an SDK output, without `$metadata`, sorted. */
export const members = (output: object): string[] => Object.keys(output).filter((k) => k !== '$metadata').sort();

/** A reply as the pipeline gave it. */
export interface RawReply {
  status: number;
  headers: Record<string, string>;
  text: string;
  /** Parsed JSON body, or undefined when the body is not JSON. */
  json: unknown;
}

/** The parts of the SDK's HTTP request this handler reads (a structural view of @smithy's HttpRequest). */
interface SdkHttpRequest {
  method: string;
  path: string;
  query?: Record<string, unknown>;
  headers: Record<string, string>;
  body?: unknown;
}

/**
 * An SDK request handler that serves each request with `Pipeline.handle` instead of a socket.
 * The SDK has signed the request by then; the pipeline verifies that signature like any other.
 */
class PipelineRequestHandler {
  constructor(private readonly pipeline: Pipeline) {}

  async handle(request: SdkHttpRequest): Promise<{ response: { statusCode: number; headers: Record<string, string>; body: Buffer } }> {
    if (request.query && Object.keys(request.query).length > 0) throw new Error('KMS requests carry no query string');
    const body =
      typeof request.body === 'string'
        ? Buffer.from(request.body, 'utf8')
        : request.body instanceof Uint8Array
          ? // A view of the same bytes: Buffer.from(body) would call the SDK's valueOf(), which decodes it to a string
            Buffer.from(request.body.buffer, request.body.byteOffset, request.body.byteLength)
          : Buffer.alloc(0);
    const res = await this.pipeline.handle(rawRequest(request.method, request.path, request.headers, body));
    // A Uint8Array body is taken as the whole reply (no stream to collect).
    return { response: { statusCode: res.status, headers: res.headers, body: Buffer.from(res.body, 'utf8') } };
  }

  updateHttpClientConfig(): void {}

  httpHandlerConfigs(): Record<string, never> {
    return {};
  }

  destroy(): void {}
}

/** A request as the HTTP edge hands it to the pipeline: header names lower-cased. */
function rawRequest(method: string, url: string, headers: Record<string, string>, body: Buffer): RawRequest {
  const lower: IncomingHttpHeaders = {};
  for (const [k, v] of Object.entries(headers)) lower[k.toLowerCase()] = v;
  return { method, url, headers: lower, body, remoteAddress: '127.0.0.1' };
}

export interface InProcessKms {
  components: ServerComponents;
  kms: KMSClient;
  /** A client signing for another Region (every Region is served at one endpoint). */
  clientIn(region: string): KMSClient;
  /** A signed raw call (`TrentService.<op>` or `KmsBench.<op>`); the reply is not parsed by the SDK. */
  raw(target: string, body: unknown): Promise<RawReply>;
  /** Moves the server's clock forward (control plane `KmsBench.AdvanceClock`). */
  advanceClock(seconds: number): Promise<{ Now: number; OffsetSeconds: number }>;
  /** The server's clock now, in epoch seconds (control plane `KmsBench.GetClock`). */
  now(): Promise<number>;
  /** A fresh symmetric customer managed key. */
  createKey(input?: CreateKeyCommandInput): Promise<KeyMetadata>;
  /**
   * The audit entry of the request with this `x-amzn-requestid` (SDK: `$metadata.requestId`),
   * once the batched audit log has written it. Needs `startInProcessKms({ audit: true })`.
   */
  auditEntry(requestId: string): Promise<AuditEntry>;
  /** A client signing with other credentials (from `startInProcessKms({ credentials })`). */
  clientFor(credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }): KMSClient;
  close(): Promise<void>;
}

/**
 * One in-process server for the tests of a file: started before them (`beforeAll`) and closed
 * after them (`afterAll`); its members are there from the first test on.
 */
export function inProcessKmsForFile(options?: StartOptions): InProcessKms {
  const t = {} as InProcessKms;
  beforeAll(async () => {
    Object.assign(t, await startInProcessKms(options));
  });
  afterAll(async () => {
    if ('close' in t) await t.close();
  });
  return t;
}

type StartOptions = { audit?: boolean; credentials?: CredentialsFileInput; faults?: string[]; server?: ServerOptions; extras?: ComponentExtras };

/**
 * Builds the server's components on a fresh data directory. `KMSBENCH_OPS_TEST_FAULTS=cancel-enables,ec-concat,...`
 * switches on deliberate faults (reference-impl/faults.ts), to check that the tests catch each of them.
 * Request quotas are off: AWS's control-plane quotas (CreateKey 5/s, ...) would throttle a suite
 * that creates hundreds of keys; quotas have their own tests.
 */
export async function startInProcessKms(options: StartOptions = {}): Promise<InProcessKms> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kmsbench-ops-'));
  const faults = options.faults ?? (process.env.KMSBENCH_OPS_TEST_FAULTS ?? '').split(',').filter((f) => f !== '');
  let components: ServerComponents;
  try {
    components = await createComponents(
      resolveOptions({
        // Key pairs from the process's test pool (reference-impl/hsm/key-pair-source.ts) unless a test asks for fresh ones.
        keyPairs: 'test-pool',
        ...options.server,
        dataDir,
        audit: options.audit ?? false,
        faults,
        quotas: { enabled: false },
        ...(options.credentials ? { credentials: options.credentials } : {}),
      }),
      options.extras,
    );
  } catch (e) {
    rmSync(dataDir, { recursive: true, force: true });
    throw e;
  }
  const { pipeline } = components;
  const clients: KMSClient[] = [];
  const clientFor = (credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }, region = REGION) => {
    const c = new KMSClient({ endpoint: ENDPOINT, region, credentials, maxAttempts: 1, requestHandler: new PipelineRequestHandler(pipeline) });
    clients.push(c);
    return c;
  };
  const clientIn = (region: string): KMSClient => clientFor(CREDENTIALS, region);
  const kms = clientFor(CREDENTIALS);
  const raw = async (target: string, body: unknown): Promise<RawReply> => {
    const text = JSON.stringify(body);
    const signed = await signJsonRequest({ endpoint: ENDPOINT, region: REGION, credentials: CREDENTIALS, target, body: text });
    const res = await pipeline.handle(rawRequest('POST', '/', signed.headers, Buffer.from(text, 'utf8')));
    let json: unknown;
    try {
      json = JSON.parse(res.body);
    } catch {
      json = undefined;
    }
    return { status: res.status, headers: res.headers, text: res.body, json };
  };
  return {
    components,
    kms,
    clientIn,
    raw,
    async advanceClock(seconds) {
      const reply = await raw('KmsBench.AdvanceClock', { Seconds: seconds });
      if (reply.status !== 200) throw new Error(`AdvanceClock failed: ${reply.status} ${reply.text}`);
      return reply.json as { Now: number; OffsetSeconds: number };
    },
    async now() {
      const reply = await raw('KmsBench.GetClock', {});
      if (reply.status !== 200) throw new Error(`GetClock failed: ${reply.status} ${reply.text}`);
      return (reply.json as { Now: number }).Now;
    },
    async createKey(input = {}) {
      const out = await kms.send(new CreateKeyCommand(input));
      return out.KeyMetadata!;
    },
    async auditEntry(requestId) {
      const { audit } = components;
      if (!(audit instanceof AuditLog)) throw new Error('the audit log is off: startInProcessKms({ audit: true })');
      const path = join(dataDir, 'audit.log');
      for (let attempt = 0; attempt < 100; attempt++) {
        audit.flushSync();
        if (existsSync(path)) {
          for (const line of readFileSync(path, 'utf8').split('\n')) {
            if (line.includes(requestId)) return JSON.parse(line) as AuditEntry;
          }
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      throw new Error(`no audit entry for request ${requestId}`);
    },
    clientFor,
    async close() {
      for (const c of clients) c.destroy();
      await components.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * For an operation that takes a key id or key ARN only: `call` with an alias (its name, or its
 * ARN) of a new key is refused with NotFoundException "Invalid keyId '<alias>'".
 */
export async function expectAliasRefused(t: InProcessKms, aliasName: string, form: 'name' | 'arn', call: (keyId: string) => Promise<unknown>): Promise<void> {
  const key = await t.createKey();
  await t.kms.send(new CreateAliasCommand({ AliasName: aliasName, TargetKeyId: key.KeyId }));
  const id = form === 'name' ? aliasName : aliasArnOf(aliasName);
  expect(await refusal(call(id))).toEqual({ name: 'NotFoundException', message: `Invalid keyId '${id}'`, status: 400 });
}

/** `call` with a key id no key has is refused with N1: "Key '<arn>' does not exist". */
export async function expectAbsentKeyRefused(call: (keyId: string) => Promise<unknown>): Promise<void> {
  const absent = '1234abcd-12ab-34cd-56ef-1234567890ab';
  expect((await refusal(call(absent))).message).toBe(`Key '${keyArnOf(absent)}' does not exist`);
}
