import { defineCase } from '../../../harness/conformance/case.js';
import { createKeyRaw } from '../_lib/support.js';

export default defineCase({
  id: 'keys.create-key-invalid-key-usage',
  title: "CreateKey refuses a KeyUsage outside the enum: Value 'RANDOM' at 'keyUsage' ... enum value set: [...] (V10)",
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateKey.html#KMS-CreateKey-request-KeyUsage',
  source: {
    kind: 'recorded',
    cite: 'spec/aws-observed.md §6.1 V10',
    verifiedAt: '2026-12-07',
  },
  tags: ['semantics', 'limits'],
  ops: ['CreateKey'],
  async run(t) {
    const reply = await createKeyRaw(t, { KeyUsage: 'RANDOM' });
    t.expectEqual([reply.status, reply.errorCode], [400, 'ValidationException'], 'status and error code');
    // The enum grows over time (KEY_AGREEMENT was added after the 2023 recording): check the frame only.
    const m = /^1 validation error detected: Value 'RANDOM' at 'keyUsage' failed to satisfy constraint: Member must satisfy enum value set: \[(.*)\]$/.exec(
      reply.errorMessage ?? '',
    );
    t.check(m !== null, 'message has the Coral enum-constraint form', reply.errorMessage);
    t.check((m?.[1] ?? '').split(', ').includes('ENCRYPT_DECRYPT'), 'the enum value set lists ENCRYPT_DECRYPT', m?.[1]);
  },
});
