/** Decrypt's CiphertextBlob is 1..6144 bytes (facts sheet; MODEL CiphertextType). */
import { defineCase } from '../../../harness/conformance/case.js';
import { expectRawError } from '../_lib/support.js';
import { blob } from './_decrypt-ciphertext-length.js';
import { inferred } from '../_lib/sources.js';

export default defineCase({
  id: 'limits.decrypt-ciphertext-6145-bytes',
  title: 'Decrypt refuses a 6145-byte CiphertextBlob with ValidationException',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_Decrypt.html#KMS-Decrypt-request-CiphertextBlob',
  source: inferred('service model: CiphertextType (max 6144); ValidationException by analogy with Plaintext (spec/aws-observed.md §6.1 V1), not recorded'),
  tags: ['limits'],
  ops: ['Decrypt'],
  async run(t) {
    // The message form for a blob member is INFERRED (aws-observed.md §6.2): code only.
    expectRawError(t, await t.raw('Decrypt', { CiphertextBlob: blob(6145) }), { status: 400, code: 'ValidationException' }, 'Decrypt');
  },
});
