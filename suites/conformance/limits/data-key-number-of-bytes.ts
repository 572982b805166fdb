/** GenerateDataKey* NumberOfBytes is 1..1024 (facts sheet; MODEL NumberOfBytesType). */
import { DecryptCommand, GenerateDataKeyCommand, GenerateDataKeyWithoutPlaintextCommand } from '@aws-sdk/client-kms';
import { defineCase, type ConformanceCase } from '../../../harness/conformance/case.js';
import { expectRawError } from '../_lib/support.js';

const doc = (op: string) => `https://docs.aws.amazon.com/kms/latest/APIReference/API_${op}.html#KMS-${op}-request-NumberOfBytes`;

const accepted = (n: number): ConformanceCase =>
  defineCase({
    id: `limits.generate-data-key-number-of-bytes-${n}`,
    title: `GenerateDataKey with NumberOfBytes ${n} returns a ${n}-byte Plaintext`,
    doc: doc('GenerateDataKey'),
    tags: ['limits'],
    ops: ['CreateKey', 'GenerateDataKey'],
    async run(t) {
      const key = await t.createKey();
      const out = await t.kms.send(new GenerateDataKeyCommand({ KeyId: key.KeyId, NumberOfBytes: n }));
      t.expectEqual(out.Plaintext?.length, n, 'Plaintext length');
    },
  });

// Out of range: the wording is recorded for GenerateRandom only (V3/V4), so these check the code.
const refused = (op: 'GenerateDataKey' | 'GenerateDataKeyWithoutPlaintext', n: number): ConformanceCase =>
  defineCase({
    id: `limits.${op === 'GenerateDataKey' ? 'generate-data-key' : 'generate-data-key-without-plaintext'}-number-of-bytes-${n}`,
    title: `${op} refuses NumberOfBytes ${n} with ValidationException`,
    doc: doc(op),
    tags: ['limits'],
    ops: ['CreateKey', op],
    async run(t) {
      const key = await t.createKey();
      expectRawError(t, await t.raw(op, { KeyId: key.KeyId, NumberOfBytes: n }), { status: 400, code: 'ValidationException' }, op);
    },
  });

const cases: ConformanceCase[] = [
  accepted(1),
  accepted(1024),
  refused('GenerateDataKey', 0),
  refused('GenerateDataKey', 1025),
  refused('GenerateDataKeyWithoutPlaintext', 0),
  refused('GenerateDataKeyWithoutPlaintext', 1025),
  defineCase({
    id: 'limits.generate-data-key-without-plaintext-number-of-bytes-1024',
    title: 'GenerateDataKeyWithoutPlaintext with NumberOfBytes 1024 makes a key that decrypts to 1024 bytes',
    doc: doc('GenerateDataKeyWithoutPlaintext'),
    tags: ['limits'],
    ops: ['CreateKey', 'GenerateDataKeyWithoutPlaintext', 'Decrypt'],
    async run(t) {
      const key = await t.createKey();
      const dk = await t.kms.send(new GenerateDataKeyWithoutPlaintextCommand({ KeyId: key.KeyId, NumberOfBytes: 1024 }));
      const out = await t.kms.send(new DecryptCommand({ CiphertextBlob: dk.CiphertextBlob }));
      t.expectEqual(out.Plaintext?.length, 1024, 'decrypted data key length');
    },
  }),
];

export default cases;
