/** Encrypt's Plaintext is 1..4096 bytes (facts sheet; MODEL PlaintextType min 1 max 4096). */
import { defineCase } from '../../../harness/conformance/case.js';
import { givenKey } from '../_lib/prerequisites.js';
import { inferred } from '../_lib/sources.js';

export default defineCase({
  id: 'limits.encrypt-plaintext-empty',
  title: 'Encrypt refuses an empty plaintext with ValidationException',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_Encrypt.html#KMS-Encrypt-request-Plaintext',
  source: inferred('service model: PlaintextType (min 1); ValidationException as for the recorded maximum (spec/aws-observed.md §6.1 V1), wording not recorded (spec/aws-observed.md §6.2)'),
  tags: ['limits'],
  ops: ['CreateKey', 'Encrypt'],
  async run(t) {
    // The wording (…greater than or equal to 1) is INFERRED in aws-observed.md §6.2: code only.
    const key = await givenKey(t);
    const reply = await t.raw('Encrypt', { KeyId: key.KeyId, Plaintext: '' });
    t.expectEqual([reply.status, reply.errorCode], [400, 'ValidationException'], 'status and error code');
  },
});
