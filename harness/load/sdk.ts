/**
 * The `sdk` client mode: `@aws-sdk/client-kms` as applications call it, with a configurable
 * retry policy:
 *
 * - `off`: one attempt (what measurements use).
 * - `standard` / `adaptive`: the SDK's own modes (adaptive adds a client-side rate limiter that
 *   slows sending after throttling). Both draw retries from the SDK's retry quota.
 * - `custom`: exponential backoff with jitter, delay = jitter(min(cap, base · 2^retry)), retrying
 *   throttling, transient and 5xx errors, without a retry quota.
 *
 * @module
 */
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import {
  DecryptCommand,
  DescribeKeyCommand,
  EncryptCommand,
  GenerateDataKeyCommand,
  GenerateDataKeyWithoutPlaintextCommand,
  GenerateRandomCommand,
  KMSClient,
  ReEncryptCommand,
  type KMSClientConfig,
} from '@aws-sdk/client-kms';
import type { RetryErrorInfo, RetryStrategyV2, RetryToken } from '@smithy/types';
import type { Credentials } from '../client/sign.js';
import type { RetrySpec } from '../results/load-results.js';
import { THROTTLING_CODES } from './http1-reply-framing.js';
import { requestBody, type Fixture } from './operations.js';
import type { RawRun } from './recorder.js';
import { rng } from './schedule.js';
import { runTaskOpenModel, type TaskOutcome, type TaskPlan } from './task-loop.js';
import type { LoadOperation, OperationSpecInput } from './request-mix.js';

export type { RetrySpec };

export const RETRY_USAGE = 'off | standard[:ATTEMPTS] | adaptive[:ATTEMPTS] | custom[:ATTEMPTS[:BASE_MS[:CAP_MS[:full|equal|none]]]]';

/** `off`, `standard`, `standard:5`, `adaptive`, `custom`, `custom:6:25:1000:full`. */
export function parseRetry(text: string): RetrySpec {
  const [mode, ...rest] = text.split(':');
  const int = (s: string | undefined, fallback: number) => {
    if (s === undefined || s === '') return fallback;
    const n = Number(s);
    if (!Number.isFinite(n) || n <= 0) throw new RangeError(`--retry: '${s}' is not a positive number (${RETRY_USAGE})`);
    return n;
  };
  switch (mode) {
    case 'off':
      return { mode: 'off' };
    case 'standard':
    case 'adaptive':
      return { mode, maxAttempts: Math.round(int(rest[0], 3)) };
    case 'custom': {
      const jitter = rest[3] ?? 'full';
      if (jitter !== 'full' && jitter !== 'equal' && jitter !== 'none') throw new RangeError(`--retry: jitter must be full, equal or none (${RETRY_USAGE})`);
      return { mode: 'custom', maxAttempts: Math.round(int(rest[0], 6)), baseMs: int(rest[1], 25), capMs: int(rest[2], 1000), jitter };
    }
    default:
      throw new RangeError(`--retry: unknown mode '${text}' (${RETRY_USAGE})`);
  }
}

export const retryLabel = (r: RetrySpec): string =>
  r.mode === 'off' ? 'off' : r.mode === 'custom' ? `custom:${r.maxAttempts}:${r.baseMs}:${r.capMs}:${r.jitter}` : `${r.mode}:${r.maxAttempts}`;

class Token implements RetryToken {
  constructor(
    private readonly count: number,
    private readonly delay: number,
  ) {}
  getRetryCount(): number {
    return this.count;
  }
  getRetryDelay(): number {
    return this.delay;
  }
}

/** Exponential backoff with jitter, no retry quota. */
export class ExponentialBackoffRetryStrategy implements RetryStrategyV2 {
  readonly mode = 'custom';
  private readonly random: () => number;

  constructor(
    readonly spec: Extract<RetrySpec, { mode: 'custom' }>,
    seed = 7,
  ) {
    this.random = rng(seed);
  }

  /** The delay before retry number `retry` (1 = first retry). */
  delay(retry: number): number {
    const d = Math.min(this.spec.capMs, this.spec.baseMs * 2 ** (retry - 1));
    if (this.spec.jitter === 'full') return this.random() * d;
    if (this.spec.jitter === 'equal') return d / 2 + (this.random() * d) / 2;
    return d;
  }

  async acquireInitialRetryToken(): Promise<RetryToken> {
    return new Token(0, 0);
  }

  async refreshRetryTokenForRetry(token: RetryToken, info: RetryErrorInfo): Promise<RetryToken> {
    const retry = token.getRetryCount() + 1;
    if (info.errorType === 'CLIENT_ERROR' || retry >= this.spec.maxAttempts) throw new Error('no retry');
    return new Token(retry, this.delay(retry));
  }

  recordSuccess(): void {}
}

export interface SdkClientOptions {
  url: string;
  region: string;
  credentials: Credentials;
  retry: RetrySpec;
  /** Sockets per client (default 256; the SDK's own default of 50 would queue an open-model load). */
  maxSockets?: number;
  requestTimeoutMs?: number;
  seed?: number;
}

export function sdkClient(o: SdkClientOptions): KMSClient {
  const maxSockets = o.maxSockets ?? 256;
  const config: KMSClientConfig = {
    endpoint: o.url,
    region: o.region,
    credentials: o.credentials,
    requestHandler: {
      httpAgent: new HttpAgent({ keepAlive: true, maxSockets }),
      httpsAgent: new HttpsAgent({ keepAlive: true, maxSockets }),
      requestTimeout: o.requestTimeoutMs ?? 30_000,
    },
  };
  const r = o.retry;
  if (r.mode === 'off') config.maxAttempts = 1;
  else if (r.mode === 'custom') config.retryStrategy = new ExponentialBackoffRetryStrategy(r, o.seed);
  else {
    config.retryMode = r.mode;
    config.maxAttempts = r.maxAttempts;
  }
  return new KMSClient(config);
}

const COMMANDS = {
  Encrypt: EncryptCommand,
  Decrypt: DecryptCommand,
  ReEncrypt: ReEncryptCommand,
  GenerateDataKey: GenerateDataKeyCommand,
  GenerateDataKeyWithoutPlaintext: GenerateDataKeyWithoutPlaintextCommand,
  GenerateRandom: GenerateRandomCommand,
  DescribeKey: DescribeKeyCommand,
} as const satisfies Record<LoadOperation, unknown>;

const BLOB_FIELDS = new Set(['Plaintext', 'CiphertextBlob']);

/** The SDK input of one operation (blobs as bytes): the same request as `requestBody`. */
export function sdkInput(spec: OperationSpecInput, fixture: Pick<Fixture, 'keyId' | 'destinationKeyId' | 'ciphertexts'>): Record<string, unknown> {
  const body = requestBody(spec, fixture);
  const input: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body)) input[k] = BLOB_FIELDS.has(k) ? new Uint8Array(Buffer.from(v as string, 'base64')) : v;
  return input;
}

/** One SDK call as an outcome: throttling from the error's name (the reply's `__type`). */
export async function sdkCall(client: KMSClient, operation: LoadOperation, input: Record<string, unknown>): Promise<TaskOutcome & { output?: Record<string, unknown> }> {
  const Command = COMMANDS[operation] as unknown as new (input: unknown) => Parameters<KMSClient['send']>[0];
  try {
    const out = (await client.send(new Command(input))) as { $metadata?: { attempts?: number } } & Record<string, unknown>;
    return { outcome: 'ok', attempts: out.$metadata?.attempts ?? 1, output: out };
  } catch (e) {
    const err = e as Error & { $metadata?: { attempts?: number; httpStatusCode?: number } };
    const code = err.name || 'Error';
    return {
      outcome: THROTTLING_CODES.has(code) ? 'throttled' : 'error',
      code,
      attempts: err.$metadata?.attempts ?? 1,
      replied: err.$metadata?.httpStatusCode !== undefined,
    };
  }
}

export interface SdkPlan extends Omit<TaskPlan, 'operations'> {
  url: string;
  region: string;
  credentials: Credentials;
  retry: RetrySpec;
  maxSockets?: number;
  /** One per operation of the mix: results name, SDK operation and input. */
  calls: { label: string; operation: LoadOperation; input: Record<string, unknown> }[];
}

export async function runSdkOpenModel(plan: SdkPlan): Promise<RawRun> {
  const client = sdkClient({ url: plan.url, region: plan.region, credentials: plan.credentials, retry: plan.retry, maxSockets: plan.maxSockets, seed: (plan.seed ?? 1) + (plan.share?.index ?? 0) });
  try {
    return await runTaskOpenModel({ ...plan, operations: plan.calls.map((c) => c.label) }, (op) => {
      const c = plan.calls[op]!;
      return sdkCall(client, c.operation, c.input);
    });
  } finally {
    client.destroy();
  }
}
