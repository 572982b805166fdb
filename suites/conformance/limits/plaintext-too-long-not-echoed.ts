/**
 * Validation messages never echo plaintext (facts sheet: "Never echo plaintext or key material in
 * any message"; V1: AWS leaves the value out for the sensitive Plaintext member).
 */
import { defineCase } from '../../../harness/conformance/case.js';
import { leaks, secret } from './_plaintext-never-echoed.js';
import { givenKey } from '../_lib/prerequisites.js';

export default defineCase({
  id: 'limits.plaintext-too-long-not-echoed',
  title: 'The ValidationException for a 4097-byte plaintext does not contain the plaintext, in text, base64 or hex',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_Encrypt.html#KMS-Encrypt-request-Plaintext',
  source: {
    kind: 'recorded',
    cite: 'spec/aws-observed.md §6.1 V1 (AWS leaves the value out for the sensitive Plaintext member)',
    verifiedAt: '2026-12-07',
  },
  tags: ['limits'],
  ops: ['CreateKey', 'Encrypt'],
  async run(t) {
    const key = await givenKey(t);
    const plaintext = secret(4097);
    const reply = await t.raw('Encrypt', { KeyId: key.KeyId, Plaintext: plaintext.toString('base64') });
    t.expectEqual([reply.status, reply.errorCode], [400, 'ValidationException'], 'status and error code');
    t.expectEqual(leaks(reply.text, plaintext), [], 'plaintext found in the error body');
  },
});
