/** Decrypt's CiphertextBlob is 1..6144 bytes (facts sheet; MODEL CiphertextType). */
import { defineCase, type ConformanceCase } from '../../../harness/conformance/case.js';
import { expectRawError } from '../_lib/support.js';

const DOC = 'https://docs.aws.amazon.com/kms/latest/APIReference/API_Decrypt.html#KMS-Decrypt-request-CiphertextBlob';
const blob = (n: number) => Buffer.alloc(n, 0x5a).toString('base64');

const cases: ConformanceCase[] = [
  defineCase({
    id: 'limits.decrypt-ciphertext-6144-bytes',
    title: 'Decrypt of 6144 bytes that are no ciphertext passes validation and fails as InvalidCiphertextException',
    doc: DOC,
    tags: ['limits'],
    ops: ['Decrypt'],
    async run(t) {
      expectRawError(t, await t.raw('Decrypt', { CiphertextBlob: blob(6144) }), { status: 400, code: 'InvalidCiphertextException' }, 'Decrypt');
    },
  }),
  defineCase({
    id: 'limits.decrypt-ciphertext-6145-bytes',
    title: 'Decrypt refuses a 6145-byte CiphertextBlob with ValidationException',
    doc: DOC,
    tags: ['limits'],
    ops: ['Decrypt'],
    async run(t) {
      // The message form for a blob member is INFERRED (aws-observed.md §6.2): code only.
      expectRawError(t, await t.raw('Decrypt', { CiphertextBlob: blob(6145) }), { status: 400, code: 'ValidationException' }, 'Decrypt');
    },
  }),
  defineCase({
    id: 'limits.decrypt-ciphertext-empty',
    title: 'Decrypt refuses an empty CiphertextBlob with ValidationException',
    doc: DOC,
    tags: ['limits'],
    ops: ['Decrypt'],
    async run(t) {
      expectRawError(t, await t.raw('Decrypt', { CiphertextBlob: '' }), { status: 400, code: 'ValidationException' }, 'Decrypt');
    },
  }),
  defineCase({
    id: 'limits.reencrypt-ciphertext-6145-bytes',
    title: 'ReEncrypt refuses a 6145-byte CiphertextBlob with ValidationException',
    doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_ReEncrypt.html#KMS-ReEncrypt-request-CiphertextBlob',
    tags: ['limits'],
    ops: ['CreateKey', 'ReEncrypt'],
    async run(t) {
      const key = await t.createKey();
      expectRawError(t, await t.raw('ReEncrypt', { CiphertextBlob: blob(6145), DestinationKeyId: key.KeyId }), { status: 400, code: 'ValidationException' }, 'ReEncrypt');
    },
  }),
];

export default cases;
