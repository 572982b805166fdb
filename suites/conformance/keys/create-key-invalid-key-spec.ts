import { defineCase } from '../../../harness/conformance/case.js';
import { createKeyRaw } from '../_lib/support.js';

export default defineCase({
  id: 'keys.create-key-invalid-key-spec',
  title: "CreateKey refuses a KeySpec outside the enum: Value 'HMAC_random' at 'keySpec' ... enum value set: [...] (V9)",
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateKey.html#KMS-CreateKey-request-KeySpec',
  source: {
    kind: 'recorded',
    cite: 'spec/aws-observed.md §6.1 V9',
    verifiedAt: '2026-12-07',
  },
  tags: ['semantics', 'limits'],
  ops: ['CreateKey'],
  async run(t) {
    const reply = await createKeyRaw(t, { KeySpec: 'HMAC_random' });
    t.expectEqual([reply.status, reply.errorCode], [400, 'ValidationException'], 'status and error code');
    const m = /^1 validation error detected: Value 'HMAC_random' at 'keySpec' failed to satisfy constraint: Member must satisfy enum value set: \[(.*)\]$/.exec(
      reply.errorMessage ?? '',
    );
    t.check(m !== null, 'message has the Coral enum-constraint form', reply.errorMessage);
    t.check((m?.[1] ?? '').split(', ').includes('SYMMETRIC_DEFAULT'), 'the enum value set lists SYMMETRIC_DEFAULT', m?.[1]);
  },
});
