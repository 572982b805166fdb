/** Decrypt's CiphertextBlob is 1..6144 bytes (facts sheet; MODEL CiphertextType). */
import { defineCase } from '../../../harness/conformance/case.js';
import { expectRawError } from '../_lib/support.js';
import { inferred } from '../_lib/sources.js';

export default defineCase({
  id: 'limits.decrypt-ciphertext-empty',
  title: 'Decrypt refuses an empty CiphertextBlob with ValidationException',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_Decrypt.html#KMS-Decrypt-request-CiphertextBlob',
  source: inferred('service model: CiphertextType (min 1); ValidationException by analogy with Plaintext (spec/aws-observed.md §6.1 V1), not recorded'),
  tags: ['limits'],
  ops: ['Decrypt'],
  async run(t) {
    expectRawError(t, await t.raw('Decrypt', { CiphertextBlob: '' }), { status: 400, code: 'ValidationException' }, 'Decrypt');
  },
});
