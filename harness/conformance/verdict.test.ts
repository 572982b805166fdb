/**
 * How a thrown thing becomes a verdict: "not implemented" replies are `unsupported` (only for real
 * operations), failures in a prerequisite step are `blocked` (or `unsupported` for an
 * UnsupportedOperationException there), and what is not the endpoint's doing stays as it was.
 */
import { describe, expect, it } from 'vitest';
import { BlockedSignal, blockedBy, CaseFailure, classify, notImplemented, recordCallOfError, SkipSignal, UnsupportedSignal, type CallRecord } from './verdict.js';

/** An SDK-like error carrying the call record the client middleware attaches. */
function refused(call: CallRecord): Error {
  const e = Object.assign(new Error(call.code ?? 'failed'), { $metadata: { httpStatusCode: call.status } });
  recordCallOfError(e, call);
  return e;
}

describe('notImplemented', () => {
  it('501, no-such-operation codes, a 404 without a code, or a "not implemented" body — for real KMS operations only', () => {
    expect(notImplemented({ operation: 'ListKeyRotations', status: 501 })).toBe(true);
    expect(notImplemented({ operation: 'ListKeyRotations', status: 400, code: 'UnknownOperationException' })).toBe(true);
    expect(notImplemented({ operation: 'ListKeyRotations', status: 404 })).toBe(true);
    expect(notImplemented({ operation: 'ListKeyRotations', status: 500, body: 'NotImplementedError: ListKeyRotations' })).toBe(true);
    expect(notImplemented({ operation: 'EnableKeyRotation', status: 400, code: 'UnsupportedOperationException' })).toBe(false);
    expect(notImplemented({ operation: 'DescribeKey', status: 400, code: 'NotFoundException' })).toBe(false);
    expect(notImplemented({ operation: 'DescribeKey', status: 500, body: '<html>Internal Server Error</html>' })).toBe(false);
    expect(notImplemented({ operation: 'KmsbenchNoSuchOperation', status: 501 })).toBe(false);
    expect(notImplemented({ operation: 'ListKeys', network: 'ECONNRESET' })).toBe(false);
  });
});

describe('classify', () => {
  it('a refused call or an expectError mismatch against a missing operation is unsupported, not fail', () => {
    const call: CallRecord = { operation: 'RotateKeyOnDemand', status: 501 };
    expect(classify(refused(call))).toEqual({ outcome: 'unsupported', reason: 'the endpoint does not implement RotateKeyOnDemand (RotateKeyOnDemand → HTTP 501)' });
    const mismatch = new CaseFailure({ what: 'error differs', expected: { code: 'NotFoundException' }, actual: { code: null, status: 501 }, call });
    expect(classify(mismatch).outcome).toBe('unsupported');
    expect(classify(refused({ operation: 'DescribeKey', status: 400, code: 'NotFoundException' })).outcome).toBe('fail');
  });

  it('blocked carries the step, why, and the case that tests it', () => {
    const v = classify(new BlockedSignal('a Disabled key', 'DisableKey → HTTP 400 NotFoundException', undefined, 'key-state.disabled-describe-key'));
    expect(v).toEqual({
      outcome: 'blocked',
      reason: 'a Disabled key (tested by key-state.disabled-describe-key) — DisableKey → HTTP 400 NotFoundException',
      blocked: { step: 'a Disabled key', why: 'DisableKey → HTTP 400 NotFoundException', coveredBy: 'key-state.disabled-describe-key' },
    });
  });
});

describe('blockedBy (a failure inside t.given)', () => {
  it('an assertion or a refused call blocks; the failure record is kept', () => {
    const b = blockedBy('a PendingImport key', new CaseFailure({ what: 'KeyState', expected: 'PendingImport', actual: 'Enabled' }), 'root.case');
    expect(b).toBeInstanceOf(BlockedSignal);
    expect((b as BlockedSignal).message).toBe('blocked: a PendingImport key (tested by root.case) — KeyState: expected "PendingImport", got "Enabled"');
    const r = blockedBy('a Disabled key', refused({ operation: 'DisableKey', status: 400, code: 'KMSInternalException', message: 'boom' }));
    expect(r).toBeInstanceOf(BlockedSignal);
    expect((r as BlockedSignal).failure).toMatchObject({ expected: 'success', call: { operation: 'DisableKey', code: 'KMSInternalException' } });
  });

  it('a missing operation, or UnsupportedOperationException for what the step needs, is unsupported', () => {
    expect(blockedBy('x', refused({ operation: 'ListKeyRotations', status: 501 }))).toBeInstanceOf(UnsupportedSignal);
    const u = blockedBy('CreateKey KeySpec=HMAC_256', refused({ operation: 'CreateKey', status: 400, code: 'UnsupportedOperationException', message: 'no HMAC' }));
    expect(classify(u)).toEqual({
      outcome: 'unsupported',
      reason: 'the endpoint does not implement the prerequisite CreateKey KeySpec=HMAC_256 (CreateKey → HTTP 400 UnsupportedOperationException "no HMAC")',
    });
  });

  it('skips, timeouts, network errors and bugs in case code pass through unchanged', () => {
    const skip = new SkipSignal('no clock');
    expect(blockedBy('x', skip)).toBe(skip);
    const bug = new TypeError("Cannot read properties of undefined (reading 'getTime')");
    expect(blockedBy('x', bug)).toBe(bug);
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    expect(blockedBy('x', reset)).toBe(reset);
  });
});
