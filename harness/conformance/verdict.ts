/**
 * How a case's first failure becomes a verdict: assertion mismatches and refusals by the
 * endpoint are `fail`; the same in a prerequisite step (`t.given`) is `blocked`; a call to an
 * operation the endpoint answers "not implemented" (HTTP 501, UnknownOperationException, its own
 * NotImplemented…) is `unsupported`; problems of the harness or the case code are `error`; a
 * capability the run lacks is `skip`. Classification is by what happened on the wire (status,
 * `__type`-derived code), never by SDK exception class.
 *
 * @module
 */
import { truncate } from '../../common/text.js';
import { OPERATION_NAMES } from '../../common/model/model.js';
import { stringify } from './plain.js';
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

/**
 * A prerequisite step of the case failed (`t.given`): the case never reached the behaviour it
 * tests. `cause` says why (the failure record, when it was an assertion or a refused call).
 */
export class BlockedSignal extends Error {
  override readonly name = 'BlockedSignal';
  constructor(
    readonly step: string,
    readonly why: string,
    readonly failure?: FailureRecord,
    readonly coveredBy?: string,
  ) {
    super(`blocked: ${step}${coveredBy ? ` (tested by ${coveredBy})` : ''} — ${why}`);
  }
}

/** The endpoint does not implement something the case needs (an operation, a key spec, an origin). */
export class UnsupportedSignal extends Error {
  override readonly name = 'UnsupportedSignal';
  /** `what` completes "the endpoint does not implement …"; `evidence` is the reply that says so. */
  constructor(
    readonly what: string,
    readonly evidence: string,
  ) {
    super(`unsupported: the endpoint does not implement ${what} (${evidence})`);
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
  /** For `blocked`: the prerequisite step, why it failed and, when known, the case whose subject it is. */
  blocked?: { step: string; why: string; coveredBy?: string };
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

/** Error codes by which an endpoint says it has no such operation (not UnsupportedOperationException: KMS uses it for key specs and states). */
const NOT_IMPLEMENTED_CODES = new Set(['UnknownOperationException', 'UnknownOperation', 'InvalidAction', 'NotImplemented', 'NotImplementedException']);
const OPERATIONS = new Set<string>(OPERATION_NAMES);

/**
 * Whether a call record says "this endpoint does not implement this KMS operation": HTTP 501, a
 * no-such-operation code, HTTP 404 without an AWS error code, or a body that is not AWS JSON and
 * says "not implemented". Only for real KMS operations: a case calling a made-up one is testing
 * exactly that answer.
 */
export function notImplemented(call: CallRecord | undefined): boolean {
  if (!call || !OPERATIONS.has(call.operation) || call.status === undefined) return false;
  if (call.status === 501) return true;
  if (call.code !== undefined) return NOT_IMPLEMENTED_CODES.has(call.code);
  if (call.status === 404) return true;
  return call.body !== undefined && /not[ _-]?implemented/i.test(call.body);
}

const unsupportedVerdict = (call: CallRecord): Verdict => ({
  outcome: 'unsupported',
  reason: `the endpoint does not implement ${call.operation} (${describeCall(call)})`,
});

/**
 * What a failure inside a prerequisite step (`t.given`) becomes: an assertion mismatch or a
 * refused call is {@link BlockedSignal}; a call answered "not implemented", or refused with
 * UnsupportedOperationException (KMS's answer to a key spec, origin or key type it does not
 * support — here, one the prerequisite needs), is {@link UnsupportedSignal}; anything else (skip, timeout, no reply, a bug in case code) is
 * thrown on unchanged, to be judged as it would be anywhere in the case.
 */
export function blockedBy(step: string, e: unknown, coveredBy?: string): unknown {
  if (e instanceof CaseFailure) {
    const call = e.record.call;
    if (notImplemented(call)) return new UnsupportedSignal(call!.operation, describeCall(call!));
    return new BlockedSignal(step, describeFailure(e.record), e.record, coveredBy);
  }
  const wire = wireFactsOf(e);
  const call = callRecordOf(e);
  if (wire.status === undefined || !call) return e;
  if (notImplemented(call)) return new UnsupportedSignal(call.operation, describeCall(call));
  if (call.code === 'UnsupportedOperationException') return new UnsupportedSignal(`the prerequisite ${step}`, describeCall(call));
  const failure: FailureRecord = {
    what: call.code ? `${call.operation} was refused` : `${call.operation} answered with a reply that is not AWS JSON`,
    expected: 'success',
    actual: { status: call.status, code: call.code, message: call.message, ...(call.body !== undefined ? { body: call.body } : {}) },
    call,
  };
  return new BlockedSignal(step, describeCall(call), failure, coveredBy);
}

/** Turns what a case threw (or undefined: it returned) into its verdict. */
export function classify(thrown: unknown, lastCall?: CallRecord): Verdict {
  if (thrown === undefined) return { outcome: 'pass' };
  if (thrown instanceof SkipSignal) return { outcome: 'skip', reason: thrown.reason };
  if (thrown instanceof UnsupportedSignal) return { outcome: 'unsupported', reason: thrown.message.replace(/^unsupported: /, '') };
  if (thrown instanceof BlockedSignal) {
    return {
      outcome: 'blocked',
      reason: thrown.message.replace(/^blocked: /, ''),
      ...(thrown.failure ? { failure: thrown.failure } : {}),
      blocked: { step: thrown.step, why: thrown.why, ...(thrown.coveredBy ? { coveredBy: thrown.coveredBy } : {}) },
    };
  }
  if (thrown instanceof CaseFailure) {
    const record = thrown.record.call || !lastCall ? thrown.record : { ...thrown.record, call: lastCall };
    // expectError met "no such operation" instead of the expected answer: nothing was judged.
    if (notImplemented(thrown.record.call)) return unsupportedVerdict(thrown.record.call!);
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
    if (notImplemented(c)) return unsupportedVerdict(c);
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

export type { Outcome };
/** The record helpers live in plain.ts; kept here for callers of this module. */
export { stringify, toPlain, wireEqual } from './plain.js';
