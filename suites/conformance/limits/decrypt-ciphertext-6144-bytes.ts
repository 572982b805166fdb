/** Decrypt's CiphertextBlob is 1..6144 bytes (facts sheet; MODEL CiphertextType). */
import { defineCase } from '../../../harness/conformance/case.js';
import { expectRawError } from '../_lib/support.js';
import { blob } from './_decrypt-ciphertext-length.js';
import { documented } from '../_lib/sources.js';

export default defineCase({
  id: 'limits.decrypt-ciphertext-6144-bytes',
  title: 'Decrypt of 6144 bytes that are no ciphertext passes validation and fails as InvalidCiphertextException',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_Decrypt.html#KMS-Decrypt-request-CiphertextBlob',
  source: documented('service model: CiphertextType (1..6144) and InvalidCiphertextException; the code for garbage of valid length: spec/aws-observed.md §5 C2'),
  tags: ['limits'],
  ops: ['Decrypt'],
  async run(t) {
    expectRawError(t, await t.raw('Decrypt', { CiphertextBlob: blob(6144) }), { status: 400, code: 'InvalidCiphertextException' }, 'Decrypt');
  },
});
