/**
 * Small helpers shared by the conformance cases in keys/, crypto/, limits/, aliases/, tags/,
 * protocol/ and auth/. Not a case file: it has no default export.
 *
 * ```ts
 * const r = await refused(t, t.kms.send(new CreateAliasCommand({ AliasName: 'alias/aws/x', TargetKeyId })));
 * t.expectEqual(r.status, 400, 'HTTP status');
 * ```
 *
 * @module
 */
import { randomUUID } from 'node:crypto';
import { DescribeKeyCommand, ListKeysCommand } from '@aws-sdk/client-kms';
import type { RawReply } from '../../../harness/client/raw-client.js';
import { outcomeOf, type ServiceError } from '../../../harness/client/service-error.js';
import type { CaseContext } from '../../../harness/conformance/case.js';

import { partitionOf } from '../../../common/partition.js';

export { partitionOf };

/** The key ARN KMS builds for `keyId` in the caller's Region and account. */
export const keyArn = (t: CaseContext, keyId: string, region = t.region): string =>
  `arn:${partitionOf(region)}:kms:${region}:${t.account}:key/${keyId}`;

/** The alias ARN of `aliasName` (`alias/...`) in the caller's Region and account. */
export const aliasArn = (t: CaseContext, aliasName: string, region = t.region): string =>
  `arn:${partitionOf(region)}:kms:${region}:${t.account}:${aliasName}`;

/** A key id in valid UUID form that names no key (a fresh random UUID). */
export const absentKeyId = (): string => randomUUID();

/** A Region other than the endpoint's, for "key ARN of another Region" cases. */
export const otherRegion = (t: CaseContext): string => (t.region === 'us-west-2' ? 'eu-west-1' : 'us-west-2');

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Member names of an SDK output or wire object, without `$metadata`, sorted. */
export const members = (o: object | undefined): string[] =>
  Object.keys(o ?? {})
    .filter((k) => k !== '$metadata')
    .sort();

export const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

/** An error the service answered with, as the SDK surfaced it. */
export type Refusal = ServiceError;

/**
 * Awaits a call that must be refused by the service and returns what it answered; fails the case
 * if the call succeeded. Use where the code is not known for real AWS (only "refused" is).
 */
export async function refused(t: CaseContext, call: Promise<unknown>, what = 'the call'): Promise<Refusal> {
  const ended = await outcomeOf(call);
  if (ended.refusal) return ended.refusal;
  t.check(false, `${what} is refused`, ended.out);
  throw new Error(`${what} succeeded but must be refused`);
}

/** Fails the case unless the service refused `call` with one of `codes` (HTTP 400). */
export async function expectOneOf(t: CaseContext, call: Promise<unknown>, codes: readonly string[], what = 'the call'): Promise<Refusal> {
  const r = await refused(t, call, what);
  t.check(codes.includes(r.code), `${what} is refused with one of ${codes.join(', ')}`, r);
  t.expectEqual(r.status, 400, `HTTP status of ${what}`);
  return r;
}

/** What a raw reply must be: HTTP status, bare error code, and message (string, RegExp, or null = no member). */
export interface RawExpectation {
  status?: number;
  code: string;
  message?: string | RegExp | null;
}

/** Checks a raw (unparsed) error reply against `expected`, including "no message member at all". */
export function expectRawError(t: CaseContext, reply: RawReply, expected: RawExpectation, what = 'the reply'): void {
  t.expectEqual(reply.errorCode, expected.code, `error code of ${what}`);
  if (expected.status !== undefined) t.expectEqual(reply.status, expected.status, `HTTP status of ${what}`);
  if (expected.message === undefined) return;
  const body = (reply.json ?? {}) as Record<string, unknown>;
  if (expected.message === null) {
    t.check(!('message' in body) && !('Message' in body), `${what} has no message member`, reply.text);
  } else if (expected.message instanceof RegExp) {
    t.check(expected.message.test(reply.errorMessage ?? ''), `message of ${what} matches ${expected.message}`, reply.errorMessage);
  } else {
    t.expectEqual(reply.errorMessage, expected.message, `message of ${what}`);
  }
}

/** Checks a raw reply succeeded (HTTP 200) and returns its JSON body. */
export function expectRawOk<T = Record<string, unknown>>(t: CaseContext, reply: RawReply, what = 'the reply'): T {
  t.expectEqual(reply.status, 200, `HTTP status of ${what}`);
  return (reply.json ?? {}) as T;
}

/**
 * Reads until `accept` holds, a few times over about two seconds, and returns the last reading.
 * Only for read-after-write checks: KMS is eventually consistent for aliases, tags and listings
 * (developer guide, "Eventual consistency"). Against a strongly consistent endpoint the first
 * reading is accepted and nothing waits.
 */
export async function settle<T>(read: () => Promise<T>, accept: (value: T) => boolean): Promise<T> {
  let value = await read();
  for (let attempt = 1; attempt <= 6 && !accept(value); attempt++) {
    await new Promise((r) => setTimeout(r, 100 * attempt));
    value = await read();
  }
  return value;
}

/**
 * Runs a call again when the account's request quota refused it (ThrottlingException). Cases
 * that make many management calls in a row (50 aliases, 50 tags) use it, because KMS allows
 * only a few such calls per second (CreateAlias 5/s) and the case's client does not retry.
 */
export async function unthrottled<T>(call: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (e) {
      if ((e as { name?: string }).name !== 'ThrottlingException' || attempt >= 8) throw e;
      await new Promise((r) => setTimeout(r, 250 * 2 ** Math.min(attempt, 4)));
    }
  }
}

/** `t.raw`, sent again while the account's request quota refuses it (see {@link unthrottled}). */
export async function rawUnthrottled(t: CaseContext, operation: string, body: unknown): Promise<RawReply> {
  for (let attempt = 0; ; attempt++) {
    const reply = await t.raw(operation, body);
    if (reply.errorCode !== 'ThrottlingException' || attempt >= 8) return reply;
    await new Promise((r) => setTimeout(r, 250 * 2 ** Math.min(attempt, 4)));
  }
}

/** The credentials the run signs with (for raw requests a case signs itself). */
export function credentialsOf(t: CaseContext): { accessKeyId: string; secretAccessKey: string; sessionToken?: string } {
  const { accessKeyId, secretAccessKey, sessionToken } = t.credentials;
  return sessionToken === undefined ? { accessKeyId, secretAccessKey } : { accessKeyId, secretAccessKey, sessionToken };
}

/**
 * CreateKey as a raw call (to see the reply exactly as sent), with the same clean-up as
 * `t.createKey`: a key it creates is scheduled for deletion after the case.
 */
export async function createKeyRaw(t: CaseContext, body: Record<string, unknown> = {}): Promise<RawReply> {
  const reply = await rawUnthrottled(t, 'CreateKey', body);
  const keyId = ((reply.json ?? {}) as { KeyMetadata?: { KeyId?: unknown } }).KeyMetadata?.KeyId;
  if (reply.status === 200 && typeof keyId === 'string') {
    t.cleanup(() => t.raw('ScheduleKeyDeletion', { KeyId: keyId, PendingWindowInDays: 7 }));
  }
  return reply;
}

/** The key ids listed by ListKeys, all pages (Limit 1000). */
export async function allKeyIds(t: CaseContext): Promise<string[]> {
  const ids: string[] = [];
  let marker: string | undefined;
  for (let pages = 0; pages < 1000; pages++) {
    const page = await t.kms.send(new ListKeysCommand({ Limit: 1000, Marker: marker }));
    ids.push(...(page.Keys ?? []).map((k) => k.KeyId!));
    marker = page.Truncated ? page.NextMarker : undefined;
    if (!marker) break;
  }
  return ids;
}

/** ListAliases entries of one key (KeyId filter), all pages. */
export async function aliasesOf(t: CaseContext, keyId: string): Promise<Array<Record<string, unknown>>> {
  const out: Array<Record<string, unknown>> = [];
  let marker: string | undefined;
  for (let pages = 0; pages < 100; pages++) {
    const reply = await t.raw('ListAliases', marker ? { KeyId: keyId, Limit: 100, Marker: marker } : { KeyId: keyId, Limit: 100 });
    t.expectEqual(reply.status, 200, 'HTTP status of ListAliases');
    const body = (reply.json ?? {}) as { Aliases?: Array<Record<string, unknown>>; Truncated?: boolean; NextMarker?: string };
    out.push(...(body.Aliases ?? []));
    marker = body.Truncated ? body.NextMarker : undefined;
    if (!marker) break;
  }
  return out;
}

/** The ListAliases entry (as on the wire) of `aliasName` among `keyId`'s aliases, waiting briefly for it to show. */
export async function aliasEntry(t: CaseContext, keyId: string, aliasName: string): Promise<Record<string, unknown> | undefined> {
  const list = await settle(() => aliasesOf(t, keyId), (all) => all.some((a) => a.AliasName === aliasName));
  return list.find((a) => a.AliasName === aliasName);
}

/** Waits briefly until `name` (an alias name or ARN) resolves in DescribeKey; returns the KeyId it names, or the error. */
export async function resolveAlias(t: CaseContext, name: string, expectKeyId?: string): Promise<string | Error> {
  const read = () =>
    t.kms.send(new DescribeKeyCommand({ KeyId: name })).then(
      (o) => o.KeyMetadata?.KeyId ?? '',
      (e: unknown) => e as Error,
    );
  return settle(read, (r) => (expectKeyId === undefined ? !(r instanceof Error) : r === expectKeyId));
}
