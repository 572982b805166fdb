/** Encrypt's Plaintext is 1..4096 bytes (facts sheet; MODEL PlaintextType min 1 max 4096). */
import { DecryptCommand, EncryptCommand } from '@aws-sdk/client-kms';
import { defineCase, type ConformanceCase } from '../../../harness/conformance/case.js';
import { b64 } from '../_lib/support.js';

const DOC = 'https://docs.aws.amazon.com/kms/latest/APIReference/API_Encrypt.html#KMS-Encrypt-request-Plaintext';

const accepted = (bytes: number): ConformanceCase =>
  defineCase({
    id: `limits.encrypt-plaintext-${bytes}-bytes`,
    title: `Encrypt accepts a ${bytes}-byte plaintext and Decrypt gives it back`,
    doc: DOC,
    tags: ['limits'],
    ops: ['CreateKey', 'Encrypt', 'Decrypt'],
    async run(t) {
      const key = await t.createKey();
      const plaintext = t.bytes(bytes);
      const enc = await t.kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: plaintext }));
      const out = await t.kms.send(new DecryptCommand({ CiphertextBlob: enc.CiphertextBlob }));
      t.expectEqual(b64(out.Plaintext ?? new Uint8Array()), b64(plaintext), 'Plaintext (base64)');
    },
  });

const cases: ConformanceCase[] = [
  accepted(1),
  accepted(4096),
  defineCase({
    id: 'limits.encrypt-plaintext-4097-bytes',
    title: "Encrypt refuses 4097 bytes: Value at 'plaintext' ... length less than or equal to 4096, no value shown (V1)",
    doc: DOC,
    tags: ['limits'],
    ops: ['CreateKey', 'Encrypt'],
    async run(t) {
      const key = await t.createKey();
      await t.expectError(t.kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: t.bytes(4097) })), {
        code: 'ValidationException',
        status: 400,
        message: "1 validation error detected: Value at 'plaintext' failed to satisfy constraint: Member must have length less than or equal to 4096",
      });
    },
  }),
  defineCase({
    id: 'limits.encrypt-plaintext-empty',
    title: 'Encrypt refuses an empty plaintext with ValidationException',
    doc: DOC,
    tags: ['limits'],
    ops: ['CreateKey', 'Encrypt'],
    async run(t) {
      // The wording (…greater than or equal to 1) is INFERRED in aws-observed.md §6.2: code only.
      const key = await t.createKey();
      const reply = await t.raw('Encrypt', { KeyId: key.KeyId, Plaintext: '' });
      t.expectEqual([reply.status, reply.errorCode], [400, 'ValidationException'], 'status and error code');
    },
  }),
];

export default cases;
