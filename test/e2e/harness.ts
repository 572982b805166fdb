/**
 * Shared plumbing for the end-to-end tests: `kmsbench serve` as a real child process (its own
 * process group, so the primary and its cluster workers can be signalled or `kill -9`ed
 * together), CLI invocations, SDK clients, pinned keep-alive connections, and a Linux-only way
 * to tell which worker process owns the server side of a connection.
 *
 * Every server started here is registered and killed by {@link killAllServers} (call it from
 * `afterAll`) and, as a last resort, synchronously when the test process exits.
 *
 * @module
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KMSClient } from '@aws-sdk/client-kms';
import { signJsonRequest } from '../../harness/client/sign.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CLI = join(ROOT, 'bin', 'kmsbench.js');
export const REGION = 'us-east-1';
export const ACCOUNT = '111122223333';
export const CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' } as const;

/** `bin/kmsbench.js` runs the compiled `dist/`; without it nothing here can work. */
export const DIST_BUILT = existsSync(join(ROOT, 'dist', 'cli', 'main.js'));
export const NOT_BUILT_REASON = 'dist/ is missing: run `npm run build` (npm test does it in pretest)';

// ---------------------------------------------------------------------------------------------
// Temporary directories

const tempDirs: string[] = [];

export function tempDir(prefix = 'kmsbench-e2e-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const d of tempDirs.splice(0)) rmSync(d, { recursive: true, force: true });
}

// ---------------------------------------------------------------------------------------------
// Processes

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface CliResult extends Exit {
  stdout: string;
  stderr: string;
}

/** Child environment without any AWS_* variable of the machine, plus `extra`. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('AWS_') && !k.startsWith('KMSBENCH_')) env[k] = v;
  return { ...env, ...extra };
}

/**
 * Runs a command to completion; never throws for a non-zero exit. After `timeoutMs` it is
 * killed with its whole process group (it runs in a group of its own, so cluster workers a
 * `kmsbench serve` may have forked go too).
 */
export function runCommand(
  cmd: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; timeoutMs?: number; cwd?: string } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      env: options.env ?? cleanEnv(),
      cwd: options.cwd ?? ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => {
      stderr += `\n[test harness: killed after ${options.timeoutMs ?? 30_000} ms]`;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, options.timeoutMs ?? 30_000);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** `node bin/kmsbench.js ...args` with test/test credentials in the environment. */
export const kmsbench = (args: string[], timeoutMs = 20_000): Promise<CliResult> =>
  runCommand(process.execPath, [CLI, ...args], {
    env: cleanEnv({ AWS_ACCESS_KEY_ID: CREDENTIALS.accessKeyId, AWS_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey }),
    timeoutMs,
  });

/** Whether `cmd args` runs and exits 0 (tool detection for skips). */
export async function available(cmd: string, args: string[]): Promise<boolean> {
  try {
    return (await runCommand(cmd, args, { timeoutMs: 30_000 })).code === 0;
  } catch {
    return false;
  }
}

/** Linux: live (non-zombie) processes whose process group is `pgid`. Elsewhere: undefined. */
export function processGroupMembers(pgid: number): number[] | undefined {
  if (process.platform !== 'linux' || !existsSync('/proc/self/stat')) return undefined;
  const out: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    // pid (comm) state ppid pgrp ...; comm may contain spaces and parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const state = fields[0];
    if (Number(fields[2]) === pgid && state !== 'Z' && state !== 'X') out.push(Number(name));
  }
  return out;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** `promise`, or a rejection with `message` after `ms` (the timer does not outlive the race). */
export async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([promise, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

export interface ServeOptions {
  dataDir: string;
  workers?: number;
  extraArgs?: string[];
  /** Start-up deadline. */
  timeoutMs?: number;
  /** Extra environment variables (KMSBENCH_*, local-kms's). */
  env?: Record<string, string>;
  /** Pass only `serve` and `extraArgs`: port, data dir and workers come from `env` or defaults. */
  bare?: boolean;
}

/** A `kmsbench serve` child process, leader of its own process group. */
export class ServerProcess {
  stdout = '';
  stderr = '';
  url = '';
  port = 0;
  readonly exited: Promise<Exit>;
  exit?: Exit;
  /** Pids of the group (primary and workers) seen while it was running. */
  private knownPids = new Set<number>();

  constructor(
    readonly child: ChildProcess,
    readonly dataDir: string,
  ) {
    this.exited = new Promise((resolve) => {
      child.on('exit', (code, signal) => {
        this.exit = { code, signal };
        resolve(this.exit);
      });
    });
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** Forked worker pids (group members other than the primary, which serves too); undefined off Linux. */
  workerPids(): number[] | undefined {
    return this.servingPids()?.filter((p) => p !== this.pid);
  }

  /** Every serving process: the primary and its forked workers; undefined off Linux. */
  servingPids(): number[] | undefined {
    const members = processGroupMembers(this.pid);
    if (!members) return undefined;
    for (const p of members) this.knownPids.add(p);
    return members;
  }

  /** Signals the primary alone, or the whole process group (what Ctrl-C in a terminal does). */
  signal(sig: NodeJS.Signals, target: 'primary' | 'group'): void {
    this.workerPids();
    process.kill(target === 'group' ? -this.pid : this.pid, sig);
  }

  /** `kill -9` of the primary and every worker at once; resolves when none of them is left. */
  async kill9(): Promise<void> {
    this.workerPids();
    try {
      process.kill(-this.pid, 'SIGKILL');
    } catch {
      // already gone
    }
    await this.exited;
    await this.waitGroupGone(10_000);
  }

  /** Waits until no process of the group is alive; throws after `timeoutMs`. */
  async waitGroupGone(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const members = processGroupMembers(this.pid);
      const left = members ?? [...this.knownPids].filter(alive);
      if (left.length === 0) return;
      if (Date.now() > deadline) throw new Error(`processes of group ${this.pid} still alive: ${left.join(', ')}`);
      await sleep(20);
    }
  }

  /** Best-effort kill for cleanup; never throws. */
  async destroy(): Promise<void> {
    if (this.exit === undefined || (processGroupMembers(this.pid)?.length ?? 0) > 0) {
      try {
        process.kill(-this.pid, 'SIGKILL');
      } catch {
        // gone
      }
      await Promise.race([this.exited, sleep(5000)]);
      await this.waitGroupGone(5000).catch(() => undefined);
    }
  }
}

const live = new Set<ServerProcess>();

process.on('exit', () => {
  for (const s of live) {
    try {
      process.kill(-s.pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
});

/** Starts `kmsbench serve --port 0 --data-dir DIR --workers N` and waits for `listening on`. */
export async function startServe(options: ServeOptions): Promise<ServerProcess> {
  const args = options.bare ? [CLI, 'serve'] : [CLI, 'serve', '--port', '0', '--data-dir', options.dataDir, '--workers', String(options.workers ?? 2)];
  const child = spawn(process.execPath, [...args, ...(options.extraArgs ?? [])], {
    cwd: ROOT,
    env: cleanEnv(options.env),
    detached: true, // own process group: -pid reaches the primary and its workers
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const server = new ServerProcess(child, options.dataDir);
  live.add(server);
  child.stdout!.setEncoding('utf8');
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (d: string) => (server.stderr += d));
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`kmsbench serve did not print 'listening on' within ${options.timeoutMs ?? 15_000} ms\n${server.stderr}`)),
        options.timeoutMs ?? 15_000,
      );
      child.stdout!.on('data', (d: string) => {
        server.stdout += d;
        const m = /^listening on (http:\/\/\S+):(\d+)\r?\n/m.exec(server.stdout); // whole line only
        if (m && !server.url) {
          clearTimeout(timer);
          server.url = `${m[1]}:${m[2]}`;
          server.port = Number(m[2]);
          resolve();
        }
      });
      child.on('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`kmsbench serve exited (${signal ?? code}) before listening\n${server.stderr}`));
      });
      child.on('error', reject);
    });
  } catch (e) {
    await server.destroy();
    live.delete(server);
    throw e;
  }
  server.workerPids();
  return server;
}

/** Kills every server started by this test file (for afterAll; safe to call more than once). */
export async function killAllServers(): Promise<void> {
  await Promise.all([...live].map((s) => s.destroy()));
  live.clear();
}

// ---------------------------------------------------------------------------------------------
// Clients

const clients: KMSClient[] = [];

/** @aws-sdk/client-kms pointed at `url`, retries off (a retried failure would hide a bug). */
export function sdk(url: string): KMSClient {
  const c = new KMSClient({
    endpoint: url,
    region: REGION,
    credentials: CREDENTIALS,
    maxAttempts: 1,
    // A server that stops answering must fail the test with a reason, not hang it.
    requestHandler: { connectionTimeout: 5_000, requestTimeout: 15_000 },
  });
  clients.push(c);
  return c;
}

export function destroyClients(): void {
  for (const c of clients.splice(0)) c.destroy();
}

export interface Reply {
  status: number;
  json: Record<string, unknown>;
  errorCode?: string;
  requestId?: string;
}

/**
 * One keep-alive TCP connection to the server (an agent with a single socket): every call goes
 * over the same socket, so it is always served by the same cluster worker.
 */
export class PinnedConnection {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 1 });
  /** Local ports of the sockets this connection used; more than one means the socket was replaced. */
  readonly localPorts = new Set<number>();

  constructor(readonly url: string) {}

  get localPort(): number | undefined {
    return [...this.localPorts].at(-1);
  }

  async call(operation: string, body: object, targetPrefix = 'TrentService'): Promise<Reply> {
    const text = JSON.stringify(body);
    const signed = await signJsonRequest({
      endpoint: this.url,
      region: REGION,
      credentials: CREDENTIALS,
      target: `${targetPrefix}.${operation}`,
      body: text,
    });
    const u = new URL(this.url);
    return new Promise((resolve, reject) => {
      const req = httpRequest(
        {
          host: u.hostname,
          port: Number(u.port),
          method: 'POST',
          path: '/',
          headers: { ...signed.headers, 'content-length': String(Buffer.byteLength(text)) },
          agent: this.agent,
        },
        (res) => {
          if (res.socket.localPort !== undefined) this.localPorts.add(res.socket.localPort);
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const raw = Buffer.concat(chunks).toString('utf8');
            let json: Record<string, unknown> = {};
            try {
              json = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
            } catch {
              json = { raw };
            }
            const type = typeof json.__type === 'string' ? json.__type.split('#').pop() : undefined;
            resolve({
              status: res.statusCode ?? 0,
              json,
              errorCode: type,
              requestId: res.headers['x-amzn-requestid'] as string | undefined,
            });
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(text);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

// ---------------------------------------------------------------------------------------------
// Which worker owns a connection (Linux /proc)

/** Socket inode of the server side of the TCP connection `serverPort <- clientPort`, from /proc/net/tcp{,6}. */
function serverSocketInode(serverPort: number, clientPort: number): string | undefined {
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      if (f.length < 10) continue;
      const localPort = parseInt(f[1]!.split(':')[1]!, 16);
      const remotePort = parseInt(f[2]!.split(':')[1]!, 16);
      if (localPort === serverPort && remotePort === clientPort) return f[9];
    }
  }
  return undefined;
}

/**
 * For each client local port, the worker pid holding the server side of that connection;
 * undefined when /proc is not available (not Linux).
 */
export function owningWorkers(serverPort: number, clientPorts: number[], workerPids: number[]): Map<number, number | undefined> | undefined {
  if (process.platform !== 'linux' || !existsSync('/proc/net/tcp')) return undefined;
  const inodeToPid = new Map<string, number>();
  for (const pid of workerPids) {
    let fds: string[] = [];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (m) inodeToPid.set(m[1]!, pid);
      } catch {
        // closed meanwhile
      }
    }
  }
  const out = new Map<number, number | undefined>();
  for (const port of clientPorts) {
    const inode = serverSocketInode(serverPort, port);
    out.set(port, inode === undefined ? undefined : inodeToPid.get(inode));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Misc

/** Writes an empty file (for AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE). */
export function emptyFile(dir: string, name: string): string {
  const p = join(dir, name);
  writeFileSync(p, '');
  return p;
}

// AWS CLI v2: Debian's `awscli` package (installed by .ci/run) lives at /usr/bin/aws; another
// `aws` on the PATH may be v1. KMSBENCH_AWS_CLI picks one explicitly.
export const AWS_CLI = process.env.KMSBENCH_AWS_CLI ?? (existsSync('/usr/bin/aws') ? '/usr/bin/aws' : 'aws');

/** `aws --version`'s result when the CLI runs (and dist/ is built), else undefined. */
export const awsCliVersion = async (): Promise<CliResult | undefined> => {
  if (!DIST_BUILT) return undefined;
  const r = await runCommand(AWS_CLI, ['--version']).catch(() => undefined);
  return r?.code === 0 ? r : undefined;
};

/** Environment for the AWS CLI: `credentials` and the Region, and nothing from the machine's own AWS configuration. */
export function awsCliEnv(work: string, credentials: Record<string, string>): NodeJS.ProcessEnv {
  return cleanEnv({
    ...credentials,
    AWS_DEFAULT_REGION: REGION,
    AWS_CONFIG_FILE: emptyFile(work, 'aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: emptyFile(work, 'aws-credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_PAGER: '',
    AWS_MAX_ATTEMPTS: '1',
    AWS_RETRY_MODE: 'standard',
  });
}

/** Audit log entries of a data dir (one JSON object a line). */
export function readAudit(dataDir: string): Array<Record<string, unknown>> {
  const p = join(dataDir, 'audit.log');
  if (!existsSync(p)) return [];
  return readFileSync(p, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** What a test file started goes when its tests end (`afterAll(cleanUp)`): SDK clients, servers, temporary directories. */
export async function cleanUp(): Promise<void> {
  destroyClients();
  await killAllServers();
  removeTempDirs();
}
