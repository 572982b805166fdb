/**
 * How a case's first failure becomes a verdict: assertion mismatches and refusals by the
 * endpoint are `fail`, problems of the harness or the case code are `error`, a missing capability
 * is `skip`. Classification is by what happened on the wire (status, `__type`-derived code), never
 * by SDK exception class.
 *
 * @module
 */
import { truncate } from '../../common/text.js';
import type { Outcome } from '../results/conformance-contract.js';

/** One HTTP exchange as the harness saw it (SDK or raw), for failure records. */
export interface CallRecord {
  operation: string;
  /** HTTP status, absent when no reply arrived. */
  status?: number;
  /** Bare error code (`__type` without namespace), when the reply was an AWS JSON error. */
  code?: string;
  message?: string;
  /** The start of the reply body when it was not AWS JSON (an HTML error page, say). */
  body?: string;
  /** Network-level problem (ECONNREFUSED, socket hang up, timeout). */
  network?: string;
}

/** Expected vs actual, as recorded in results.json. */
export interface FailureRecord {
  what: string;
  expected?: unknown;
  actual?: unknown;
  /** The call the failure is about, or the last call the case made. */
  call?: CallRecord;
}

/** An assertion mismatch: the endpoint did not do what the case says it must. */
export class CaseFailure extends Error {
  override readonly name = 'CaseFailure';
  constructor(readonly record: FailureRecord) {
    super(describeFailure(record));
  }
}

/** Ends a case as skipped. */
export class SkipSignal extends Error {
  override readonly name = 'SkipSignal';
  constructor(readonly reason: string) {
    super(`skipped: ${reason}`);
  }
}

/** The harness could not do its part (a control call failed, the case API was misused). */
export class HarnessError extends Error {
  override readonly name = 'HarnessError';
}

/** The case ran out of time. */
export class CaseTimeout extends Error {
  override readonly name = 'CaseTimeout';
}

export interface Verdict {
  outcome: Outcome;
  /** One line a person can act on. */
  reason?: string;
  failure?: FailureRecord;
  error?: { name: string; message: string; stack?: string };
}

/** Where the SDK/raw wrappers leave the call record of an error they saw. */
const callOfError = new WeakMap<object, CallRecord>();
export const recordCallOfError = (e: unknown, call: CallRecord): void => {
  if (e !== null && typeof e === 'object') callOfError.set(e, call);
};
export const callRecordOf = (e: unknown): CallRecord | undefined =>
  e !== null && typeof e === 'object' ? callOfError.get(e) : undefined;

const NETWORK_CODES = /^(E[A-Z]+|UND_ERR_[A-Z_]+)$/;

/** The wire facts of an error thrown by the SDK, a raw call or anything else. */
export function wireFactsOf(e: unknown): { status?: number; network?: string } {
  const err = e as { $metadata?: { httpStatusCode?: unknown }; code?: unknown; name?: unknown; message?: unknown; cause?: unknown };
  if (err === null || typeof err !== 'object') return {};
  const status = typeof err.$metadata?.httpStatusCode === 'number' ? err.$metadata.httpStatusCode : undefined;
  if (status !== undefined) return { status };
  const code = typeof err.code === 'string' ? err.code : undefined;
  if (code && NETWORK_CODES.test(code)) return { network: `${code}: ${String(err.message)}` };
  if (err.name === 'AbortError' || err.name === 'TimeoutError') return { network: `${String(err.name)}: ${String(err.message)}` };
  if (err.cause && typeof err.cause === 'object') {
    const inner = wireFactsOf(err.cause);
    if (inner.network) return inner;
  }
  return {};
}

/** Turns what a case threw (or undefined: it returned) into its verdict. */
export function classify(thrown: unknown, lastCall?: CallRecord): Verdict {
  if (thrown === undefined) return { outcome: 'pass' };
  if (thrown instanceof SkipSignal) return { outcome: 'skip', reason: thrown.reason };
  if (thrown instanceof CaseFailure) {
    const record = thrown.record.call || !lastCall ? thrown.record : { ...thrown.record, call: lastCall };
    return { outcome: 'fail', reason: describeFailure(thrown.record), failure: record };
  }
  if (thrown instanceof CaseTimeout) {
    return { outcome: 'error', reason: thrown.message + (lastCall ? ` (last call: ${describeCall(lastCall)})` : ''), error: errorInfo(thrown) };
  }
  if (thrown instanceof HarnessError) return { outcome: 'error', reason: `harness: ${thrown.message}`, error: errorInfo(thrown) };
  const call = callRecordOf(thrown);
  const wire = wireFactsOf(thrown);
  if (wire.status !== undefined) {
    // The endpoint answered a call the case needed to succeed with an error, or with something
    // that is not an AWS JSON reply at all: the endpoint's doing, so a failure.
    const c: CallRecord = call ?? { operation: lastCall?.operation ?? '(unknown operation)', status: wire.status };
    const failure: FailureRecord = {
      what: c.code ? `${c.operation} was refused` : `${c.operation} answered with a reply that is not AWS JSON`,
      expected: 'success',
      actual: { status: c.status, code: c.code, message: c.message, ...(c.body !== undefined ? { body: c.body } : {}) },
      call: c,
    };
    return { outcome: 'fail', reason: describeFailure(failure), failure };
  }
  if (wire.network) {
    const op = call?.operation ?? lastCall?.operation;
    return {
      outcome: 'error',
      reason: `no reply from the endpoint${op ? ` to ${op}` : ''}: ${wire.network}`,
      error: errorInfo(thrown),
    };
  }
  const info = errorInfo(thrown);
  const where = info.stack ? firstCaseFrame(info.stack) : undefined;
  return {
    outcome: 'error',
    reason: `${info.name}: ${info.message}${where ? ` at ${where}` : ''}${lastCall ? ` (last call: ${describeCall(lastCall)})` : ''}`,
    error: info,
  };
}

export function errorInfo(e: unknown): { name: string; message: string; stack?: string } {
  if (e instanceof Error) return { name: e.name, message: e.message, ...(e.stack ? { stack: e.stack } : {}) };
  return { name: typeof e, message: String(e) };
}

/** The first stack frame outside node internals and node_modules, shortened to the repo path. */
function firstCaseFrame(stack: string): string | undefined {
  for (const line of stack.split('\n').slice(1)) {
    const m = /\(?((?:file:\/\/)?\/[^()]+?:\d+:\d+)\)?\s*$/.exec(line.trim());
    if (!m) continue;
    const loc = m[1]!;
    if (loc.includes('node_modules') || loc.includes('node:')) continue;
    const i = loc.search(/\/(suites|harness|reference-impl|dist)\//);
    return i >= 0 ? loc.slice(i + 1) : loc;
  }
  return undefined;
}

export function describeCall(c: CallRecord): string {
  if (c.network) return `${c.operation} → no reply (${c.network})`;
  const parts = [`${c.operation} → HTTP ${c.status ?? '?'}`];
  if (c.code) parts.push(c.code);
  if (c.message) parts.push(`"${truncate(c.message, 160)}"`);
  else if (c.body !== undefined) parts.push(`body ${JSON.stringify(truncate(c.body, 120))}`);
  return parts.join(' ');
}

export function describeFailure(r: FailureRecord): string {
  const show = (v: unknown) => truncate(typeof v === 'string' ? JSON.stringify(v) : stringify(v), 300);
  if (r.expected === 'success' && r.call) return `${r.what}: ${describeCall(r.call)}`;
  // t.check(): a condition, not a comparison.
  if (r.expected === undefined) return `not so: ${r.what}${r.actual !== undefined ? ` (actual: ${show(r.actual)})` : ''}`;
  return `${r.what}: expected ${show(r.expected)}, got ${show(r.actual)}`;
}

/** JSON for records: bytes as base64, bigint as string, Dates as ISO, undefined members dropped. */
export function toPlain(v: unknown, depth = 0): unknown {
  if (depth > 12) return '[too deep]';
  if (v === null || typeof v !== 'object') {
    if (typeof v === 'bigint') return v.toString();
    if (typeof v === 'function') return `[function ${v.name}]`;
    if (typeof v === 'symbol') return v.toString();
    return v;
  }
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? 'Invalid Date' : v.toISOString();
  if (ArrayBuffer.isView(v)) return { $bytes: Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64') };
  if (v instanceof ArrayBuffer) return { $bytes: Buffer.from(v).toString('base64') };
  if (v instanceof RegExp) return v.toString();
  if (v instanceof Map) return Object.fromEntries([...v].map(([k, x]) => [String(k), toPlain(x, depth + 1)]));
  if (v instanceof Set) return [...v].map((x) => toPlain(x, depth + 1));
  if (Array.isArray(v)) return v.map((x) => toPlain(x, depth + 1));
  if (v instanceof Error) return { name: v.name, message: v.message };
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    if (x === undefined || k === '$metadata') continue;
    out[k] = toPlain(x, depth + 1);
  }
  return out;
}

export function stringify(v: unknown): string {
  try {
    return JSON.stringify(toPlain(v)) ?? 'undefined';
  } catch {
    return String(v);
  }
}

/** Wire-relevant equality: bytes by content, Dates by instant, undefined members = absent, key order and `$metadata` ignored. */
export function wireEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(sortKeys(toPlain(a))) === JSON.stringify(sortKeys(toPlain(b)));
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v !== null && typeof v === 'object') {
    return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]));
  }
  return v;
}

export type { Outcome };
