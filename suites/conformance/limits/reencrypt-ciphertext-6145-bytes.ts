/** Decrypt's CiphertextBlob is 1..6144 bytes (facts sheet; MODEL CiphertextType). */
import { defineCase } from '../../../harness/conformance/case.js';
import { expectRawError } from '../_lib/support.js';
import { blob } from './_decrypt-ciphertext-length.js';
import { givenKey } from '../_lib/prerequisites.js';
import { inferred } from '../_lib/sources.js';

export default defineCase({
  id: 'limits.reencrypt-ciphertext-6145-bytes',
  title: 'ReEncrypt refuses a 6145-byte CiphertextBlob with ValidationException',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_ReEncrypt.html#KMS-ReEncrypt-request-CiphertextBlob',
  source: inferred('service model: CiphertextType (max 6144); ValidationException by analogy with Plaintext (spec/aws-observed.md §6.1 V1), not recorded'),
  tags: ['limits'],
  ops: ['CreateKey', 'ReEncrypt'],
  async run(t) {
    const key = await givenKey(t);
    expectRawError(t, await t.raw('ReEncrypt', { CiphertextBlob: blob(6145), DestinationKeyId: key.KeyId }), { status: 400, code: 'ValidationException' }, 'ReEncrypt');
  },
});
