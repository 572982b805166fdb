/**
 * Shared plumbing for the ops integration tests (`reference-impl/ops/*.test.ts`): an in-process
 * reference server on port 0 with a throw-away data dir, an unmodified `@aws-sdk/client-kms`
 * client pointed at it, raw signed calls (for exact error bodies and the control plane), and a
 * helper that captures a refusal as `{ name, message, status }`.
 *
 * Not a test file itself (vitest only collects `*.test.ts`); it imports nothing from vitest.
 *
 * @module
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateKeyCommand, KMSClient, type CreateKeyCommandInput, type KeyMetadata } from '@aws-sdk/client-kms';
import { call, type RawReply } from '../../harness/client/raw-client.js';
import { startServer, type RunningServer } from '../server.js';

export const REGION = 'us-east-1';
export const ACCOUNT = '111122223333';
export const CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' } as const;
export const ROOT = `arn:aws:iam::${ACCOUNT}:root`;
export const DAY_SECONDS = 86_400;

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
  let out: unknown;
  try {
    out = await p;
  } catch (e) {
    const err = e as { name?: unknown; message?: unknown; $metadata?: { httpStatusCode?: number } };
    if (typeof err.name !== 'string' || err.$metadata === undefined) throw e;
    return { name: err.name, message: String(err.message), status: err.$metadata.httpStatusCode };
  }
  throw new Error(`expected the call to fail, but it returned ${JSON.stringify(out)}`);
}

/** Members of an SDK output, without `$metadata`, sorted. */
export const members = (output: object): string[] => Object.keys(output).filter((k) => k !== '$metadata').sort();

export interface TestServer {
  url: string;
  kms: KMSClient;
  /** A signed raw call (`TrentService.<op>` or `KmsBench.<op>`); the reply is not parsed by the SDK. */
  raw(target: string, body: unknown): Promise<RawReply>;
  /** Moves the server's clock forward (control plane `KmsBench.AdvanceClock`). */
  advanceClock(seconds: number): Promise<{ Now: number; OffsetSeconds: number }>;
  /** The server's clock now, in epoch seconds (control plane `KmsBench.GetClock`). */
  now(): Promise<number>;
  /** A fresh symmetric customer managed key. */
  createKey(input?: CreateKeyCommandInput): Promise<KeyMetadata>;
  close(): Promise<void>;
}

/**
 * Starts the server. `KMSBENCH_OPS_TEST_FAULTS=cancel-enables,ec-concat,...` starts it with
 * deliberate faults (reference-impl/faults.ts) to check that these tests catch each of them.
 */
export async function startTestServer(): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kmsbench-ops-'));
  const faults = (process.env.KMSBENCH_OPS_TEST_FAULTS ?? '').split(',').filter((f) => f !== '');
  let server: RunningServer;
  try {
    // AWS's control-plane quotas (CreateKey 5/s, ...) would throttle a test suite that creates
    // hundreds of keys; quotas have their own tests.
    server = await startServer({ port: 0, dataDir, workers: 1, audit: false, faults, quotas: { enabled: false } });
  } catch (e) {
    rmSync(dataDir, { recursive: true, force: true });
    throw e;
  }
  const kms = new KMSClient({ endpoint: server.url, region: REGION, credentials: CREDENTIALS, maxAttempts: 1 });
  const raw = (target: string, body: unknown) =>
    call({ endpoint: server.url, region: REGION, credentials: CREDENTIALS, target, body });
  return {
    url: server.url,
    kms,
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
    async close() {
      kms.destroy();
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
