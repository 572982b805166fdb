/**
 * The {@link CaseContext} a case runs with: its view of the SDK client, raw calls, its own keys
 * and aliases (cleaned up after it), clock control, and the assertions whose mismatches become
 * `fail` records with expected and actual.
 *
 * @module
 */
import { mulberry32U32 } from '../../common/numeric.js';
import { setMaxListeners } from 'node:events';
import { CreateKeyCommand, DeleteAliasCommand, DescribeKeyCommand, ScheduleKeyDeletionCommand, type KMSClient } from '@aws-sdk/client-kms';
import { send, type RawReply } from '../client/raw-client.js';
import { signJsonRequest, type Credentials } from '../client/sign.js';
import { parseDuration } from '../../common/duration.js';
import type { Capability, CaseContext, CaseIdentity, ConformanceCase, ExpectedError, IdentityName } from './case.js';
import { bareCode, caseClient, headerOf } from './sdk-client.js';
import {
  blockedBy,
  CaseFailure,
  HarnessError,
  SkipSignal,
  callRecordOf,
  recordCallOfError,
  toPlain,
  wireEqual,
  type CallRecord,
} from './verdict.js';

/** What every case of a run shares. */
export interface RunEnvironment {
  runId: string;
  /** URL for raw calls. */
  endpoint: string;
  region: string;
  account: string;
  credentials: Credentials;
  /** The shared client (retries off). */
  kms: KMSClient;
  /** A shared client of the same endpoint for another Region (default: `kms` itself for the run's Region only). */
  clientIn?: (region: string) => KMSClient;
  capabilities: ReadonlySet<Capability>;
  /** The AWS profile judging the run (YYYY-MM-DD). */
  awsAsOf: string;
  /** One client per identity (with the `identities` capability). */
  identities?: Readonly<Record<IdentityName, { kms: KMSClient; arn: string; account: string }>>;
}

/** A case's context plus what the runner needs to finish it. */
export interface CaseHandle {
  context: CaseContext;
  /** Aborts the case's in-flight calls (timeout). */
  abort(reason: Error): void;
  /** Runs the case's cleanups, last registered first; returns how many failed. */
  runCleanups(timeoutMs?: number): Promise<{ ran: number; failed: number }>;
  /** Every call the case made, in completion order. */
  readonly calls: readonly CallRecord[];
  lastCall(): CallRecord | undefined;
}

const rawReplies = new WeakMap<object, CallRecord>();
/** True for replies made by a context's `raw`/`rawHttp` (so expectError can take them). */
export const isRawReply = (v: unknown): v is RawReply => typeof v === 'object' && v !== null && rawReplies.has(v);

const THROTTLED = 'ThrottlingException';

/** `alias/` + only the characters an alias name may have. */
export const aliasSlug = (id: string): string => id.replace(/[^a-zA-Z0-9_-]/g, '_');

export function createCaseContext(c: ConformanceCase, env: RunEnvironment, deadline: () => number): CaseHandle {
  const calls: CallRecord[] = [];
  const cleanups: Array<() => Promise<unknown>> = [];
  const keysToDelete = new Set<string>();
  /** Keys created through `kmsIn`, by Region. */
  const regionalKeys = new Map<string, Set<string>>();
  const regionalClients = new Map<string, KMSClient>();
  const aliasesToDelete = new Set<string>();
  // A case may have many calls in flight, each listening to its signal.
  const newController = () => {
    const c = new AbortController();
    setMaxListeners(0, c.signal);
    return c;
  };
  let controller = newController();
  let aliasCounter = 0;
  let byteCounter = 0;
  const flags = new Set(c.flags ?? []);

  const onOutput = (operation: string, input: unknown, output: unknown) => {
    if (operation === 'CreateKey') {
      const id = (output as { KeyMetadata?: { KeyId?: unknown } } | undefined)?.KeyMetadata?.KeyId;
      if (typeof id === 'string') keysToDelete.add(id);
    } else if (operation === 'CreateAlias') {
      const name = (input as { AliasName?: unknown } | undefined)?.AliasName;
      if (typeof name === 'string') aliasesToDelete.add(name);
    }
  };

  const kms = caseClient(env.kms, {
    signal: () => controller.signal,
    onCall: (r) => void calls.push(r),
    onOutput,
  });

  const identityClients = new Map<IdentityName, CaseIdentity>();

  const remaining = () => Math.max(1, deadline() - Date.now());

  const rawSend = async (operation: string, url: string, init: { method?: string; headers: Record<string, string>; body?: string | Buffer }) => {
    let reply: RawReply;
    try {
      reply = await send(url, init, remaining());
    } catch (e) {
      const record: CallRecord = { operation, network: `${(e as { code?: string }).code ?? (e as Error).name}: ${(e as Error).message}` };
      recordCallOfError(e, record);
      calls.push(record);
      throw e;
    }
    const record: CallRecord = { operation, status: reply.status };
    if (reply.status >= 300 || reply.errorCode) {
      const header = headerOf(reply.headers, 'x-amzn-errortype');
      const code = reply.errorCode ?? (header ? bareCode(header) : undefined);
      if (code) record.code = code;
      if (reply.errorMessage !== undefined) record.message = reply.errorMessage;
      if (reply.json === undefined) record.body = reply.text.slice(0, 300);
    }
    rawReplies.set(reply, record);
    calls.push(record);
    return reply;
  };

  const baseIn = (region: string): KMSClient => {
    if (region === env.region) return env.kms;
    if (!env.clientIn) throw new HarnessError('this run has no clients for other Regions');
    return env.clientIn(region);
  };
  const kmsIn = (region: string): KMSClient => {
    if (region === env.region) return kms;
    let c = regionalClients.get(region);
    if (!c) {
      c = caseClient(baseIn(region), {
        signal: () => controller.signal,
        onCall: (r) => void calls.push(r),
        onOutput: (operation, _input, output) => {
          const id = operation === 'CreateKey' ? keyIdOf(output) : undefined;
          if (id === undefined) return;
          let ids = regionalKeys.get(region);
          if (!ids) regionalKeys.set(region, (ids = new Set()));
          ids.add(id);
        },
      });
      regionalClients.set(region, c);
    }
    return c;
  };

  const context: CaseContext = {
    kms,
    kmsIn,
    endpoint: env.endpoint,
    region: env.region,
    account: env.account,
    credentials: env.credentials,
    caseId: c.id,
    get signal() {
      return controller.signal;
    },
    capabilities: env.capabilities,
    awsAsOf: env.awsAsOf,

    async given(what, step, options = {}) {
      // In the case that tests this very step, the step is the subject: its failure is a fail.
      if (options.coveredBy === c.id) return step();
      try {
        return await step();
      } catch (e) {
        throw blockedBy(what, e, options.coveredBy);
      }
    },

    async requireState(keyId, state, options = {}) {
      await context.given(
        `key ${keyId} is ${state}`,
        async () => {
          const out = await kms.send(new DescribeKeyCommand({ KeyId: keyId }));
          context.expectEqual(out.KeyMetadata?.KeyState, state, 'KeyState (DescribeKey)');
        },
        options,
      );
    },

    async raw(operation, body, options = {}) {
      const target = options.target ?? `TrentService.${operation}`;
      const text = typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body ?? {});
      const signed = await signJsonRequest({
        endpoint: env.endpoint,
        region: env.region,
        credentials: env.credentials,
        target,
        body: text,
        extraHeaders: options.headers,
      });
      const reply = await rawSend(operation, signed.url, signed);
      if (reply.status === 200 && body !== null && typeof body === 'object' && !Buffer.isBuffer(body)) {
        onOutput(operation, body, reply.json);
      }
      return reply;
    },

    rawHttp(init) {
      return rawSend(init.headers['x-amz-target'] ?? init.headers['X-Amz-Target'] ?? 'rawHttp', env.endpoint, init);
    },

    async createKey(input = {}) {
      for (let attempt = 0; ; attempt++) {
        try {
          const out = await kms.send(new CreateKeyCommand(input as never));
          const md = out.KeyMetadata;
          if (!md || typeof md.KeyId !== 'string' || typeof md.Arn !== 'string') {
            throw new CaseFailure({
              what: 'CreateKey answers with KeyMetadata.KeyId and KeyMetadata.Arn',
              actual: toPlain(out),
              call: calls.at(-1),
            });
          }
          return md as typeof md & { KeyId: string; Arn: string };
        } catch (e) {
          // Setup, not the behaviour under test: ride out the account's CreateKey quota.
          if (callRecordOf(e)?.code !== THROTTLED || attempt >= 6) throw e;
          await sleep(Math.min(2000, 200 * 2 ** attempt), controller.signal);
        }
      }
    },

    aliasName(suffix) {
      aliasCounter += 1;
      return `alias/kmsbench/${env.runId}/${aliasSlug(c.id)}/${aliasCounter}${suffix ? `-${suffix}` : ''}`;
    },

    cleanup(fn) {
      cleanups.push(fn);
    },

    async advanceClock(duration) {
      if (!flags.has('needs-clock')) {
        throw new HarnessError(`case ${c.id} calls advanceClock but does not declare the 'needs-clock' flag (the runner only serialises flagged cases)`);
      }
      if (!env.capabilities.has('clock-control')) {
        throw new SkipSignal(`needs to wait ${duration}; the endpoint has no clock control (KmsBench.AdvanceClock)`);
      }
      const ms = parseDuration(duration);
      if (ms === undefined) throw new HarnessError(`advanceClock: '${duration}' is not a duration such as 8d, 36h, 90m`);
      const reply = await context.raw('AdvanceClock', { Seconds: ms / 1000 }, { target: 'KmsBench.AdvanceClock' });
      if (reply.status !== 200) {
        throw new HarnessError(`KmsBench.AdvanceClock failed: HTTP ${reply.status} ${reply.errorCode ?? ''} ${reply.errorMessage ?? reply.text.slice(0, 200)}`);
      }
    },

    bytes(n, seed) {
      const rng = mulberry32U32(seed ?? hash32(`${c.id}#${byteCounter++}`));
      const out = new Uint8Array(n);
      for (let i = 0; i < n; i += 4) {
        const r = rng();
        for (let j = 0; j < 4 && i + j < n; j++) out[i + j] = (r >>> (8 * j)) & 0xff;
      }
      return out;
    },

    async expectError(call, expected) {
      let value: unknown;
      let record: CallRecord | undefined;
      try {
        value = await call;
      } catch (e) {
        if (e instanceof CaseFailure || e instanceof SkipSignal || e instanceof HarnessError) throw e;
        record = callRecordOf(e);
        // No reply at all (network) or not a call: the harness cannot judge; let it be an error.
        if (!record || record.network !== undefined || record.status === undefined) throw e;
      }
      if (!record) {
        if (isRawReply(value) && (value.status >= 300 || value.errorCode)) {
          record = rawReplies.get(value)!;
        } else {
          throw new CaseFailure({
            what: `the call is refused with ${expected.code}`,
            expected: expectedPlain(expected),
            actual: { succeeded: toPlain(isRawReply(value) ? { status: value.status, body: value.json ?? value.text } : value) },
            call: calls.at(-1),
          });
        }
      }
      const actual = { code: record.code ?? null, status: record.status, message: record.message ?? null };
      const mismatches: string[] = [];
      if (actual.code !== expected.code) mismatches.push('code');
      if (expected.status !== undefined && actual.status !== expected.status) mismatches.push('status');
      if (expected.message !== undefined) {
        const m = expected.message;
        const ok = m === null ? actual.message === null : m instanceof RegExp ? actual.message !== null && m.test(actual.message) : actual.message === m;
        if (!ok) mismatches.push('message');
      }
      if (mismatches.length > 0) {
        throw new CaseFailure({
          what: `${record.operation} error (${mismatches.join(', ')} differ)`,
          expected: expectedPlain(expected),
          actual: record.body !== undefined ? { ...actual, body: record.body } : actual,
          call: record,
        });
      }
    },

    expectEqual(actual, expected, what) {
      if (!wireEqual(actual, expected)) throw new CaseFailure({ what, expected: toPlain(expected), actual: toPlain(actual), call: calls.at(-1) });
    },

    check(condition, what, actual) {
      if (!condition) throw new CaseFailure({ what, ...(actual !== undefined ? { actual: toPlain(actual) } : {}), call: calls.at(-1) });
    },

    skip(reason) {
      throw new SkipSignal(reason);
    },

    as(name) {
      const base = env.identities?.[name];
      if (!(c.needs ?? []).includes('identities') || base === undefined) {
        throw new HarnessError(`case ${c.id} signs as ${name} but does not declare needs: ['identities'] (or the run has no identities)`);
      }
      let view = identityClients.get(name);
      if (view === undefined) {
        view = { kms: caseClient(base.kms, { signal: () => controller.signal, onCall: (r) => void calls.push(r), onOutput }), arn: base.arn, account: base.account };
        identityClients.set(name, view);
      }
      return view;
    },
  };

  return {
    context,
    calls,
    lastCall: () => calls.at(-1),
    abort(reason) {
      controller.abort(reason);
    },
    async runCleanups(timeoutMs = 15_000) {
      // A fresh signal: cleanups of a case that timed out must still be able to call.
      controller = newController();
      const timer = setTimeout(() => controller.abort(new Error('cleanup timed out')), timeoutMs);
      timer.unref();
      const work: Array<() => Promise<unknown>> = [
        // Already pending deletion, deleted, or never created: nothing left to clean.
        ...[...keysToDelete].map((KeyId) => () =>
          tolerate(['KMSInvalidStateException', 'NotFoundException'], () =>
            unthrottled(() => env.kms.send(new ScheduleKeyDeletionCommand({ KeyId, PendingWindowInDays: 7 }), { abortSignal: controller.signal })),
          ),
        ),
        ...[...regionalKeys].flatMap(([region, ids]) =>
          [...ids].map((KeyId) => () =>
            tolerate(['KMSInvalidStateException', 'NotFoundException'], () =>
              unthrottled(() => baseIn(region).send(new ScheduleKeyDeletionCommand({ KeyId, PendingWindowInDays: 7 }), { abortSignal: controller.signal })),
            ),
          ),
        ),
        ...[...aliasesToDelete].map((AliasName) => () =>
          tolerate(['NotFoundException'], () => unthrottled(() => env.kms.send(new DeleteAliasCommand({ AliasName }), { abortSignal: controller.signal }))),
        ),
        ...cleanups,
      ].reverse();
      // A cleanup that ignores the signal (its own waits, a raw call) is abandoned at the bound too.
      const signal = controller.signal;
      const aborted = new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }));
      aborted.catch(() => {});
      let failed = 0;
      for (const fn of work) {
        if (signal.aborted) {
          failed++;
          continue;
        }
        try {
          await Promise.race([fn(), aborted]);
        } catch {
          failed++;
        }
      }
      clearTimeout(timer);
      return { ran: work.length, failed };
    },
  };
}

/** KeyMetadata.KeyId of a CreateKey output. */
function keyIdOf(output: unknown): string | undefined {
  const id = (output as { KeyMetadata?: { KeyId?: unknown } } | undefined)?.KeyMetadata?.KeyId;
  return typeof id === 'string' ? id : undefined;
}

function expectedPlain(e: ExpectedError): Record<string, unknown> {
  const out: Record<string, unknown> = { code: e.code };
  if (e.status !== undefined) out.status = e.status;
  if (e.message !== undefined) out.message = e.message instanceof RegExp ? e.message.toString() : e.message;
  return out;
}

async function tolerate(codes: readonly string[], fn: () => Promise<unknown>): Promise<void> {
  try {
    await fn();
  } catch (e) {
    if (!codes.includes(callRecordOf(e)?.code ?? '')) throw e;
  }
}

async function unthrottled<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      if (callRecordOf(e)?.code !== THROTTLED || attempt >= 5) throw e;
      await sleep(200 * 2 ** attempt);
    }
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(t);
      reject(signal.reason as Error);
    }, { once: true });
  });
}

function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}


