import { defineCase } from '../../../harness/conformance/case.js';
import { createKeyRaw } from '../_lib/support.js';
import { inferred } from '../_lib/sources.js';

export default defineCase({
  id: 'keys.create-key-usage-incompatible-with-spec',
  title: 'CreateKey refuses KeyUsage SIGN_VERIFY for a SYMMETRIC_DEFAULT key with ValidationException',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateKey.html#KMS-CreateKey-request-KeyUsage',
  source: inferred('service model: CreateKeyRequest.KeyUsage (SYMMETRIC_DEFAULT keys are ENCRYPT_DECRYPT); ValidationException recorded for another pair (spec/aws-observed.md §6.1 V11): code by analogy'),
  tags: ['semantics'],
  ops: ['CreateKey'],
  async run(t) {
    // V11 recorded the wording for RSA_2048 + KEY_AGREEMENT only; for this pair the code is checked.
    const reply = await createKeyRaw(t, { KeySpec: 'SYMMETRIC_DEFAULT', KeyUsage: 'SIGN_VERIFY' });
    t.expectEqual([reply.status, reply.errorCode], [400, 'ValidationException'], 'status and error code');
  },
});
