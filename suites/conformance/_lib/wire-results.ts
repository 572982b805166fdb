/**
 * Checks that a raw reply's body is what a case depends on: the operation's result for a
 * success, an AWS error for a refusal. Cases about headers, statuses or signatures use them so
 * that a target answering the right status with a broken body (an HTML page, `{}`, members of
 * the wrong types) does not pass them (test/support/broken-endpoint.ts).
 *
 * ```ts
 * const reply = await sendSigned(t, req);
 * expectListKeysResult(t, reply);
 * ```
 *
 * @module
 */
import type { RawReply } from '../../../harness/client/raw-client.js';
import type { CaseContext } from '../../../harness/conformance/case.js';
import { bareCode, headerOf } from '../../../harness/conformance/sdk-client.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The body of a 200 reply as a JSON object, or fails the case. */
function resultBody(t: CaseContext, reply: RawReply, operation: string): Record<string, unknown> {
  t.expectEqual(reply.status, 200, `HTTP status of ${operation}`);
  t.check(isObject(reply.json), `the ${operation} reply body is a JSON object`, reply.text.slice(0, 200));
  return reply.json as Record<string, unknown>;
}

/**
 * A 200 reply whose body is a ListKeys result (service model ListKeysResponse): `Keys`, a list of
 * `{KeyId, KeyArn}` strings, and `Truncated`, a boolean.
 */
export function expectListKeysResult(t: CaseContext, reply: RawReply): void {
  const body = resultBody(t, reply, 'ListKeys');
  t.check(Array.isArray(body.Keys), 'ListKeys answers a Keys list', body.Keys);
  const bad = (body.Keys as unknown[]).filter((k) => !isObject(k) || typeof k.KeyId !== 'string' || typeof k.KeyArn !== 'string');
  t.check(bad.length === 0, 'every Keys entry has a KeyId and a KeyArn string', bad.slice(0, 3));
  t.check(typeof body.Truncated === 'boolean', 'ListKeys answers Truncated, a boolean', body.Truncated);
}

/** A 200 reply whose body is a GenerateRandom result: `Plaintext`, base64 of `bytes` bytes. */
export function expectGenerateRandomResult(t: CaseContext, reply: RawReply, bytes: number): void {
  const body = resultBody(t, reply, 'GenerateRandom');
  const plaintext = body.Plaintext;
  t.check(typeof plaintext === 'string' && /^[A-Za-z0-9+/]*={0,2}$/.test(plaintext), 'Plaintext is a base64 string', plaintext);
  t.expectEqual(Buffer.from(plaintext as string, 'base64').length, bytes, 'bytes in Plaintext');
}

/**
 * The error code a refusal names, wherever an AWS front end puts it: the JSON body's `__type`
 * (namespace stripped), the `x-amzn-ErrorType` header, or the root element of an XML body such
 * as `<UnknownOperationException/>` (what AWS's front end answers a request it cannot route).
 */
export function errorCodeOf(reply: RawReply): string | undefined {
  if (reply.errorCode) return reply.errorCode;
  const header = headerOf(reply.headers, 'x-amzn-errortype');
  if (header) return bareCode(header);
  return /^\s*<([A-Za-z]+(?:Exception|Error))\s*\/?>/.exec(reply.text)?.[1];
}
