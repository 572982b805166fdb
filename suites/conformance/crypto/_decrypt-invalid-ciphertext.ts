/**
 * A ciphertext blob that is not one KMS produced, or one that was damaged, is refused with
 * InvalidCiphertextException, HTTP 400, and no message member at all (aws-observed.md C2, C3:
 * AWS sends the bare code). Each damage is its own case.
 *
 * Shared by the decrypt invalid ciphertext cases beside it, one case per module. Not a case file: no default export.
 *
 * @module
 */

import { defineCase, type CaseSource, type ConformanceCase } from '../../../harness/conformance/case.js';
import { b64, expectRawError } from '../_lib/support.js';
import { givenCiphertext, givenKey } from '../_lib/prerequisites.js';

export const damaged = (slug: string, title: string, damage: (blob: Buffer) => Buffer, source: CaseSource): ConformanceCase =>
  defineCase({
    id: `crypto.decrypt-invalid-ciphertext-${slug}`,
    title: `Decrypt of ${title}: InvalidCiphertextException with no message`,
    doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_Decrypt.html#API_Decrypt_Errors',
    source,
    tags: ['semantics'],
    ops: ['CreateKey', 'Encrypt', 'Decrypt'],
    async run(t) {
      const key = await givenKey(t);
      const encBlob = await givenCiphertext(t, key.KeyId, { plaintext: t.bytes(64) });
      const reply = await t.raw('Decrypt', { CiphertextBlob: b64(damage(Buffer.from(encBlob))) });
      expectRawError(t, reply, { status: 400, code: 'InvalidCiphertextException', message: null }, 'Decrypt');
    },
  });
