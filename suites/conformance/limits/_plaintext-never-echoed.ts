/**
 * Validation messages never echo plaintext (facts sheet: "Never echo plaintext or key material in
 * any message"; V1: AWS leaves the value out for the sensitive Plaintext member).
 *
 * Shared by the plaintext never echoed cases beside it, one case per module. Not a case file: no default export.
 *
 * @module
 */
import { defineCase, type CaseSource, type ConformanceCase } from '../../../harness/conformance/case.js';
import { givenKey } from '../_lib/prerequisites.js';

/** A recognisable plaintext: the marker text repeated to `bytes`. */
export const secret = (bytes: number) => Buffer.from('KMSBENCH-SECRET-'.repeat(Math.ceil(bytes / 16)).slice(0, bytes), 'utf8');

export function leaks(message: string, plaintext: Buffer): string[] {
  const b64 = plaintext.toString('base64');
  const found: string[] = [];
  if (message.includes('KMSBENCH-SECRET')) found.push('the plaintext text');
  if (message.includes(b64.slice(0, 24))) found.push('the plaintext in base64');
  if (message.includes(plaintext.toString('hex').slice(0, 24))) found.push('the plaintext in hex');
  return found;
}

/**
 * Encrypt with a recognisable `bytes`-byte plaintext (over the 4096 maximum) and the `other` members
 * besides: ValidationException, and the error body holds the plaintext in no form.
 */
export const notEchoed = (o: {
  behaviour: string;
  title: string;
  doc: string;
  source: CaseSource;
  bytes: number;
  other?: Record<string, unknown>;
}): ConformanceCase =>
  defineCase({
    id: `limits.${o.behaviour}`,
    title: o.title,
    doc: o.doc,
    source: o.source,
    tags: ['limits'],
    ops: ['CreateKey', 'Encrypt'],
    async run(t) {
      const key = await givenKey(t);
      const plaintext = secret(o.bytes);
      const reply = await t.raw('Encrypt', { KeyId: key.KeyId, Plaintext: plaintext.toString('base64'), ...o.other });
      t.expectEqual([reply.status, reply.errorCode], [400, 'ValidationException'], 'status and error code');
      t.expectEqual(leaks(reply.text, plaintext), [], 'plaintext found in the error body');
    },
  });
