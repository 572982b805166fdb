/**
 * A ciphertext blob that is not one KMS produced, or one that was damaged, is refused with
 * InvalidCiphertextException, HTTP 400, and no message member at all (aws-observed.md C2, C3:
 * AWS sends the bare code). Each damage is its own case.
 *
 * Shared by the decrypt invalid ciphertext cases beside it, one case per module. Not a case file: no default export.
 *
 * @module
 */

import type { CaseSource, ConformanceCase } from '../../../harness/conformance/case.js';
import { b64, expectRawError } from '../_lib/support.js';
import { givenCiphertext } from '../_lib/prerequisites.js';
import { keyCase } from './_support.js';
import { documented } from '../_lib/sources.js';

/** What the damaged-ciphertext cases without a capture of their own rest on: the model's error, and the bare reply of C2, C3. */
export const BARE_REPLY_SOURCE: CaseSource = documented('service model: InvalidCiphertextException; the bare reply: spec/aws-observed.md §5 C2, C3');

/** A damage: a copy of the blob with the bits of `mask` flipped in the byte `fromEnd` bytes before its end (1: the last). */
export const flipBits =
  (fromEnd: number, mask: number) =>
  (blob: Buffer): Buffer => {
    const bad = Buffer.from(blob);
    bad[bad.length - fromEnd]! ^= mask;
    return bad;
  };

export const damaged = (slug: string, title: string, damage: (blob: Buffer) => Buffer, source: CaseSource = BARE_REPLY_SOURCE): ConformanceCase =>
  keyCase(
    {
      behaviour: `decrypt-invalid-ciphertext-${slug}`,
      title: `Decrypt of ${title}: InvalidCiphertextException with no message`,
      doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_Decrypt.html#API_Decrypt_Errors',
      source,
      ops: ['Encrypt', 'Decrypt'],
    },
    async (t, key) => {
      const encBlob = await givenCiphertext(t, key.KeyId, { plaintext: t.bytes(64) });
      const reply = await t.raw('Decrypt', { CiphertextBlob: b64(damage(Buffer.from(encBlob))) });
      expectRawError(t, reply, { status: 400, code: 'InvalidCiphertextException', message: null }, 'Decrypt');
    },
  );
