/**
 * Validation messages never echo plaintext (facts sheet: "Never echo plaintext or key material in
 * any message"; V1: AWS leaves the value out for the sensitive Plaintext member).
 */
import { defineCase } from '../../../harness/conformance/case.js';
import { leaks, secret } from './_plaintext-never-echoed.js';
import { givenKey } from '../_lib/prerequisites.js';

export default defineCase({
  id: 'limits.plaintext-not-echoed-with-other-errors',
  title: 'A request with an over-long plaintext and another invalid member does not echo the plaintext either',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_Encrypt.html#API_Encrypt_Errors',
  source: {
    kind: 'inferred',
    cite: 'service model: PlaintextType is sensitive; AWS leaves it out of the recorded single error (spec/aws-observed.md §6.1 V1); a two-error reply is not recorded',
    verifiedAt: '2026-12-07',
  },
  tags: ['limits'],
  ops: ['CreateKey', 'Encrypt'],
  async run(t) {
    const key = await givenKey(t);
    const plaintext = secret(5000);
    const reply = await t.raw('Encrypt', {
      KeyId: key.KeyId,
      Plaintext: plaintext.toString('base64'),
      EncryptionAlgorithm: 'KMSBENCH_NO_SUCH_ALGORITHM',
    });
    t.expectEqual([reply.status, reply.errorCode], [400, 'ValidationException'], 'status and error code');
    t.expectEqual(leaks(reply.text, plaintext), [], 'plaintext found in the error body');
  },
});
