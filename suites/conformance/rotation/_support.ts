/**
 * Helpers for the rotation cases. Not a case file: it has no default export.
 *
 * On AWS an on-demand rotation runs asynchronously: GetKeyRotationStatus shows
 * OnDemandRotationStartDate until it completes, and only then does ListKeyRotations list it
 * (aws-observed.md 4.3, LS-TEST polls ≤ 10 s). {@link rotateOnDemand} therefore waits for that
 * field to disappear; against an endpoint that rotates synchronously it returns at once.
 *
 * @module
 */
import {
  DecryptCommand,
  EnableKeyRotationCommand,
  GetKeyRotationStatusCommand,
  ListKeyRotationsCommand,
  RotateKeyOnDemandCommand,
  type GetKeyRotationStatusCommandOutput,
  type RotationsListEntry,
} from '@aws-sdk/client-kms';
import { defineCase, type CaseContext, type CaseSource, type ConformanceCase, type ExpectedError } from '../../../harness/conformance/case.js';
import { keyInState, STATES, type Key } from '../key-state/_support.js';
import { givenKey } from '../_lib/prerequisites.js';

export const DAY_MS = 86_400_000;

export const ENABLE_DOC = 'https://docs.aws.amazon.com/kms/latest/APIReference/API_EnableKeyRotation.html';
export const PERIOD_DOC = `${ENABLE_DOC}#KMS-EnableKeyRotation-request-RotationPeriodInDays`;
export const STATUS_DOC = 'https://docs.aws.amazon.com/kms/latest/APIReference/API_GetKeyRotationStatus.html';
export const ON_DEMAND_DOC = 'https://docs.aws.amazon.com/kms/latest/APIReference/API_RotateKeyOnDemand.html';
export const LIST_DOC = 'https://docs.aws.amazon.com/kms/latest/APIReference/API_ListKeyRotations.html';
export const HOW_IT_WORKS_DOC = 'https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html#rotate-keys-how-it-works';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls GetKeyRotationStatus until no on-demand rotation is in progress (at most ~90 s). */
export async function awaitOnDemandDone(t: CaseContext, keyId: string): Promise<void> {
  for (let i = 0; i < 90; i++) {
    const s = await t.kms.send(new GetKeyRotationStatusCommand({ KeyId: keyId }));
    if (s.OnDemandRotationStartDate === undefined) return;
    await sleep(1000);
  }
  t.check(false, 'the on-demand rotation completes within 90 s');
}

/**
 * RotateKeyOnDemand, then waits for it to complete. Retries while AWS answers ConflictException (a
 * rotation still in progress) or ThrottlingException (RotateKeyOnDemand is 5/s), which only matter
 * for cases that rotate several times in a row.
 */
export async function rotateOnDemand(t: CaseContext, keyId: string) {
  for (let attempt = 0; ; attempt++) {
    try {
      const out = await t.kms.send(new RotateKeyOnDemandCommand({ KeyId: keyId }));
      await awaitOnDemandDone(t, keyId);
      return out;
    } catch (e) {
      const code = (e as { name?: string }).name;
      if ((code !== 'ConflictException' && code !== 'ThrottlingException') || attempt >= 30) throw e;
      await sleep(Math.min(500 * 2 ** attempt, 4000));
    }
  }
}

/**
 * `count` on-demand rotations (rotateOnDemand, one after the other) as a prerequisite of a case
 * about what follows them (the rotations listed, the limit): rooted in the case whose subject the
 * RotateKeyOnDemand reply is.
 */
export function givenOnDemandRotations(t: CaseContext, keyId: string, count = 1): Promise<void> {
  return t.given(
    count === 1 ? 'RotateKeyOnDemand rotates the key' : `RotateKeyOnDemand rotates the key ${count} times`,
    async () => {
      for (let i = 0; i < count; i++) await rotateOnDemand(t, keyId);
    },
    { coveredBy: 'rotation.on-demand-response-key-id' },
  );
}

/** EnableKeyRotation with `days` as a prerequisite (nothing read back: enableRotation also reads the NextRotationDate). */
export async function givenRotationEnabled(t: CaseContext, keyId: string, days: number): Promise<void> {
  await t.given(`EnableKeyRotation (RotationPeriodInDays ${days}) turns rotation on`, () => t.kms.send(new EnableKeyRotationCommand({ KeyId: keyId, RotationPeriodInDays: days })), {
    coveredBy: days === 90 ? 'rotation.period-90-accepted' : 'rotation.next-rotation-date-follows-period',
  });
}

/** Every ListKeyRotations entry of `keyId`, following NextMarker; also returns the page sizes. */
export async function allRotations(t: CaseContext, keyId: string, limit?: number): Promise<{ entries: RotationsListEntry[]; pages: number[] }> {
  const entries: RotationsListEntry[] = [];
  const pages: number[] = [];
  let marker: string | undefined;
  for (let page = 0; page < 100; page++) {
    const out = await t.kms.send(new ListKeyRotationsCommand({ KeyId: keyId, Limit: limit, Marker: marker }));
    entries.push(...(out.Rotations ?? []));
    pages.push(out.Rotations?.length ?? 0);
    if (!out.Truncated) return { entries, pages };
    t.check(typeof out.NextMarker === 'string' && out.NextMarker.length > 0, 'a truncated page carries a NextMarker', out);
    marker = out.NextMarker;
  }
  throw new Error('ListKeyRotations did not finish paging');
}

/** The endpoint's time now (ms), read off the CreationDate of a key it just created plus local time since. */
export function endpointNow(key: Key, localAtCreation: number): number {
  return key.CreationDate!.getTime() + (Date.now() - localAtCreation);
}

/** Checks `date` lies `days` (± 1 day) after `from`. */
export function expectDaysAfter(t: CaseContext, date: Date | undefined, from: number, days: number, what: string): void {
  t.check(date instanceof Date, `${what} is present`, date);
  const delta = (date!.getTime() - from) / DAY_MS;
  t.check(Math.abs(delta - days) <= 1, `${what} is about ${days} days out`, { date: date!.toISOString(), daysOut: delta.toFixed(3) });
}

/**
 * Decrypt of a ciphertext made on `which` side of a rotation (with the `EncryptionContext` it was
 * made under, if any) gives back its `plaintext`: the key's older material is kept, and its newest used.
 */
export async function expectDecrypts(
  t: CaseContext,
  CiphertextBlob: Uint8Array | undefined,
  plaintext: Uint8Array,
  which: 'pre-rotation' | 'post-rotation',
  EncryptionContext?: Record<string, string>,
): Promise<void> {
  const out = await t.kms.send(new DecryptCommand(EncryptionContext ? { CiphertextBlob, EncryptionContext } : { CiphertextBlob }));
  t.expectEqual(Buffer.from(out.Plaintext!).toString('hex'), Buffer.from(plaintext).toString('hex'), `plaintext of the ${which} ciphertext`);
}

/**
 * A key of another spec, for "cannot rotate" cases: a prerequisite (`t.given`), so an endpoint
 * that does not create keys of that spec (UnsupportedOperationException, say) blocks the case,
 * saying so, instead of failing it.
 */
export async function keyOfSpec(t: CaseContext, input: Record<string, unknown>): Promise<Key> {
  return givenKey(t, input);
}

/**
 * For cases that must wait for a rotation date: ends the case as skipped at once where the
 * endpoint has no clock control — before anything is read that only the wait would use.
 */
export function requireClock(t: CaseContext, what: string): void {
  if (!t.capabilities.has('clock-control')) t.skip(`needs to wait for ${what}; the endpoint has no clock control (KmsBench.AdvanceClock)`);
}

/**
 * Turns rotation on (`RotationPeriodInDays`) and reads the NextRotationDate it schedules: a
 * prerequisite of the cases that wait for it (rotation.next-rotation-date-follows-period tests it).
 */
export async function enableRotation(t: CaseContext, keyId: string, days: number): Promise<Date> {
  return t.given(
    `EnableKeyRotation (RotationPeriodInDays ${days}) schedules a NextRotationDate`,
    async () => {
      await t.kms.send(new EnableKeyRotationCommand({ KeyId: keyId, RotationPeriodInDays: days }));
      const { NextRotationDate } = await t.kms.send(new GetKeyRotationStatusCommand({ KeyId: keyId }));
      t.check(NextRotationDate instanceof Date, 'GetKeyRotationStatus answers a NextRotationDate', NextRotationDate);
      return NextRotationDate!;
    },
    { coveredBy: 'rotation.next-rotation-date-follows-period' },
  );
}

/**
 * RotateKeyOnDemand on a key put in `state` (a prerequisite naming the case that tests the state)
 * is refused with `expected` (given the key's ARN).
 */
export function onDemandRefusedCase(state: 'Disabled' | 'PendingDeletion', title: string, expected: (arn: string) => ExpectedError, source: CaseSource): ConformanceCase {
  return defineCase({
    id: `rotation.${STATES[state].slug}-on-demand-refused`,
    title,
    doc: `${ON_DEMAND_DOC}#API_RotateKeyOnDemand_Errors`,
    source,
    tags: ['rotation', 'key-state'],
    ops: ['CreateKey', ...STATES[state].enterOps, 'RotateKeyOnDemand'],
    async run(t) {
      const key = await keyInState(t, state);
      await t.expectError(t.kms.send(new RotateKeyOnDemandCommand({ KeyId: key.KeyId })), expected(key.Arn));
    },
  });
}

export interface NextRotationCaseSpec {
  /** The id after `rotation.`. */
  behaviour: string;
  title: string;
  doc: string;
  source: CaseSource;
  /** RotationPeriodInDays of the EnableKeyRotation the case checks; omitted, the request has none and the period is the default, 365 days. */
  days?: number;
  /** Runs on the fresh key before that EnableKeyRotation (e.g. to turn rotation on with another period first). */
  before?(t: CaseContext, key: Key): Promise<void>;
  /** Checks what GetKeyRotationStatus reports besides the NextRotationDate. */
  reported(t: CaseContext, status: GetKeyRotationStatusCommandOutput): void;
}

/**
 * EnableKeyRotation on a fresh key, then GetKeyRotationStatus: `reported` checks the status, and
 * the NextRotationDate must lie one period (± 1 day) after the request, by the endpoint's clock.
 */
export function nextRotationCase(spec: NextRotationCaseSpec): ConformanceCase {
  return defineCase({
    id: `rotation.${spec.behaviour}`,
    title: spec.title,
    doc: spec.doc,
    source: spec.source,
    tags: ['rotation'],
    ops: ['CreateKey', 'EnableKeyRotation', 'GetKeyRotationStatus'],
    async run(t) {
      const key = await givenKey(t);
      const local = Date.now();
      await spec.before?.(t, key);
      await t.kms.send(new EnableKeyRotationCommand({ KeyId: key.KeyId, RotationPeriodInDays: spec.days }));
      const s = await t.kms.send(new GetKeyRotationStatusCommand({ KeyId: key.KeyId }));
      spec.reported(t, s);
      expectDaysAfter(t, s.NextRotationDate, endpointNow(key, local), spec.days ?? 365, 'NextRotationDate');
    },
  });
}
