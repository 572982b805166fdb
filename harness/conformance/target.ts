/**
 * The endpoint a run talks to: the embedded reference server (started in-process on a free
 * port, default credentials), real AWS (the SDK's own endpoint for the Region), or any URL.
 *
 * @module
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KMSClient } from '@aws-sdk/client-kms';
import type { Credentials } from '../client/sign.js';
import { HarnessError } from './verdict.js';

export type TargetSpec =
  | { kind: 'embedded'; faults?: string[] }
  | { kind: 'aws' }
  | { kind: 'url'; endpoint: string };

export type TargetKind = 'embedded' | 'aws' | 'other';

/** `embedded`, `aws`, or a URL. */
export function parseTarget(text: string | undefined, faults: string[] = []): TargetSpec {
  if (text === undefined || text === 'embedded') return { kind: 'embedded', faults };
  if (text === 'aws') return { kind: 'aws' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new TypeError(`--endpoint must be a URL, 'embedded' or 'aws', got '${text}'`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TypeError(`--endpoint must be http(s), got '${text}'`);
  return { kind: 'url', endpoint: url.toString().replace(/\/$/, '') };
}

export const isAwsHost = (endpoint: string): boolean => /\.amazonaws\.com(\.cn)?$/i.test(new URL(endpoint).hostname);

/** The public KMS endpoint of a Region (for raw calls against real AWS). */
export const awsEndpoint = (region: string): string =>
  `https://kms.${region}.amazonaws.com${region.startsWith('cn-') ? '.cn' : ''}`;

export const EMBEDDED_CREDENTIALS: Credentials = { accessKeyId: 'test', secretAccessKey: 'test' };

/**
 * Credentials for a non-embedded endpoint: the standard AWS environment variables, else the SDK's
 * default chain when there is a profile to read (or the target is AWS), else `test`/`test` (what
 * emulators accept).
 */
export function useDefaultChain(kind: TargetKind, env = process.env): boolean {
  if (env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY) return true;
  if (kind === 'aws') return true;
  const credentialsFile = env.AWS_SHARED_CREDENTIALS_FILE ?? join(homedir(), '.aws', 'credentials');
  const configFile = env.AWS_CONFIG_FILE ?? join(homedir(), '.aws', 'config');
  return Boolean(env.AWS_PROFILE) || existsSync(credentialsFile) || existsSync(configFile);
}

export async function resolveCredentials(kms: KMSClient): Promise<Credentials> {
  try {
    const c = await kms.config.credentials();
    return { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey, ...(c.sessionToken ? { sessionToken: c.sessionToken } : {}) };
  } catch (e) {
    throw new HarnessError(`no AWS credentials: ${(e as Error).message}`);
  }
}

export interface EmbeddedServer {
  url: string;
  port: number;
  /** Restarts on the same data and port with other quota settings (the low-quota phase). */
  restart(quotas: 'off' | 'aws-defaults'): Promise<void>;
  close(): Promise<void>;
}

/** Starts the reference server in this process (quotas off: the suite creates keys far faster than CreateKey's 5/s). */
export async function startEmbedded(faults: string[] = [], region = 'us-east-1'): Promise<EmbeddedServer> {
  const { startServer } = await import('../../reference-impl/server.js');
  const dataDir = mkdtempSync(join(tmpdir(), 'kmsbench-conformance-'));
  const start = (port: number, quotas: 'off' | 'aws-defaults') =>
    startServer({ port, dataDir, region, workers: 1, audit: false, faults, quotas: { enabled: quotas === 'aws-defaults' } });
  let server: Awaited<ReturnType<typeof start>>;
  try {
    server = await start(0, 'off');
  } catch (e) {
    rmSync(dataDir, { recursive: true, force: true });
    throw new HarnessError(`the embedded reference server did not start: ${(e as Error).message}`);
  }
  const port = server.port;
  return {
    url: server.url,
    port,
    async restart(quotas) {
      await server.close();
      server = await start(port, quotas);
    },
    async close() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
