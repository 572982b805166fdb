/**
 * Shared plumbing of the reliability suite: a black-box client for `kmsbench serve` (signed
 * AWS JSON 1.1 calls over HTTP, no SDK retries), the accounts and principals of the isolation
 * and tamper checks (a `--credentials` file), and small helpers for bounded loops.
 *
 * Servers are started with `startServe` of test/e2e/harness.ts (a child process in its own
 * process group, so `kill -9` reaches the primary and its workers at once).
 *
 * @module
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { send, type RawReply } from '../../harness/client/raw-client.js';
import { signJsonRequest, type Credentials } from '../../harness/client/sign.js';
import { ACCOUNT, REGION } from '../e2e/harness.js';

export { ACCOUNT, REGION };
export const ROOT_CREDENTIALS: Credentials = { accessKeyId: 'test', secretAccessKey: 'test' };

/** A second account with two principals, and a second principal in the first account. */
export const OTHER_ACCOUNT = '444455556666';
export const PRINCIPALS = {
  root: { account: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:root`, credentials: ROOT_CREDENTIALS },
  alice: { account: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:user/alice`, credentials: { accessKeyId: 'AKIARELIABALICE00001', secretAccessKey: 'alice-secret' } },
  bob: { account: OTHER_ACCOUNT, arn: `arn:aws:iam::${OTHER_ACCOUNT}:user/bob`, credentials: { accessKeyId: 'AKIARELIABBOB0000001', secretAccessKey: 'bob-secret' } },
  carol: { account: OTHER_ACCOUNT, arn: `arn:aws:iam::${OTHER_ACCOUNT}:role/carol`, credentials: { accessKeyId: 'AKIARELIABCAROL00001', secretAccessKey: 'carol-secret' } },
} as const;
export type PrincipalName = keyof typeof PRINCIPALS;

/**
 * Every principal may use KMS fully in its own account (an identity policy allowing `kms:*`), as
 * an administrator would; across accounts only key policies could open access, and none does.
 */
const KMS_ADMIN_POLICY = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'kms:*', Resource: '*' }] };

/** Writes the `--credentials` file for {@link PRINCIPALS} (test/test stays, as the root of ACCOUNT). */
export function writeCredentialsFile(dir: string): string {
  const byAccount = new Map<string, Array<{ arn: string; accessKeys: Credentials[]; policies: object[] }>>();
  for (const p of Object.values(PRINCIPALS)) {
    if (p.credentials === ROOT_CREDENTIALS) continue;
    byAccount.set(p.account, [...(byAccount.get(p.account) ?? []), { arn: p.arn, accessKeys: [p.credentials], policies: [KMS_ADMIN_POLICY] }]);
  }
  const file = join(dir, 'credentials.json');
  const accounts = [...byAccount].map(([accountId, principals]) => ({ accountId, principals }));
  writeFileSync(file, JSON.stringify({ includeDefault: true, accounts }, null, 2));
  return file;
}

export interface CallOptions {
  credentials?: Credentials;
  region?: string;
  /** Per-request timeout (ms). */
  timeoutMs?: number;
}

/** A reply, or the transport failure that stood in for one. */
export interface Outcome {
  reply?: RawReply;
  /** Connection refused / reset / timed out: no reply at all. */
  transportError?: string;
}

export const requestIdOf = (r: RawReply): string | undefined => r.headers['x-amzn-requestid'];

/** Signed calls to one endpoint, as any SDK would make them (no retries). */
export class Kms {
  constructor(
    readonly url: string,
    readonly defaults: CallOptions = {},
  ) {}

  /** Signs and sends `TrentService.<op>`; never throws for a reply, only for a transport failure. */
  async call(op: string, body: unknown, o: CallOptions = {}): Promise<RawReply> {
    const text = typeof body === 'string' ? body : JSON.stringify(body ?? {});
    const signed = await signJsonRequest({
      endpoint: this.url,
      region: o.region ?? this.defaults.region ?? REGION,
      credentials: o.credentials ?? this.defaults.credentials ?? ROOT_CREDENTIALS,
      target: `TrentService.${op}`,
      body: text,
    });
    return send(signed.url, signed, o.timeoutMs ?? this.defaults.timeoutMs ?? 15_000);
  }

  /** Like {@link call}, but a transport failure is returned, not thrown. */
  async attempt(op: string, body: unknown, o: CallOptions = {}): Promise<Outcome> {
    try {
      return { reply: await this.call(op, body, o) };
    } catch (e) {
      return { transportError: (e as Error).message };
    }
  }

  /** The call's JSON body; throws with the error code unless it succeeded. */
  async ok<T = Record<string, unknown>>(op: string, body: unknown, o: CallOptions = {}): Promise<T> {
    const r = await this.call(op, body, o);
    if (r.status !== 200) throw new Error(`${op} failed: ${r.status} ${r.errorCode ?? ''} ${r.text.slice(0, 200)}`);
    return (r.json ?? {}) as T;
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export const pick = <T>(rand: () => number, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

/** Resident set size of a process in bytes (Linux /proc), or undefined. */
export async function rssOf(pid: number): Promise<number | undefined> {
  const { readFile } = await import('node:fs/promises');
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const m = /VmRSS:\s+(\d+) kB/.exec(status);
    return m ? Number(m[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Open file descriptors of a process (Linux /proc), or undefined. */
export async function openFds(pid: number): Promise<number | undefined> {
  const { readdir } = await import('node:fs/promises');
  try {
    return (await readdir(`/proc/${pid}/fd`)).length;
  } catch {
    return undefined;
  }
}
