/** Encrypt's Plaintext is 1..4096 bytes (facts sheet; MODEL PlaintextType min 1 max 4096). */
import { EncryptCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { givenKey } from '../_lib/prerequisites.js';
import { recorded } from '../_lib/sources.js';

export default defineCase({
  id: 'limits.encrypt-plaintext-4097-bytes',
  title: "Encrypt refuses 4097 bytes: Value at 'plaintext' ... length less than or equal to 4096, no value shown (V1)",
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_Encrypt.html#KMS-Encrypt-request-Plaintext',
  source: recorded('spec/aws-observed.md §6.1 V1 (LS-SNAP test_plaintext_size_for_encrypt)'),
  tags: ['limits'],
  ops: ['CreateKey', 'Encrypt'],
  async run(t) {
    const key = await givenKey(t);
    await t.expectError(t.kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: t.bytes(4097) })), {
      code: 'ValidationException',
      status: 400,
      message: "1 validation error detected: Value at 'plaintext' failed to satisfy constraint: Member must have length less than or equal to 4096",
    });
  },
});
