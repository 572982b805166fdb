import { ReEncryptCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { CONTEXT_MISMATCH, sealed } from './_support.js';
import { givenKey } from '../_lib/prerequisites.js';

export default defineCase({
  id: 'encryption-context.reencrypt-missing-source-context',
  title: 'ReEncrypt without a SourceEncryptionContext refuses a blob sealed with one',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_ReEncrypt.html#KMS-ReEncrypt-request-SourceEncryptionContext',
  source: {
    kind: 'documented',
    cite: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_ReEncrypt.html#KMS-ReEncrypt-request-SourceEncryptionContext (an exact, case-sensitive match); the bare reply: spec/aws-observed.md §5 C1',
    verifiedAt: '2026-12-07',
  },
  tags: ['encryption-context'],
  ops: ['CreateKey', 'Encrypt', 'ReEncrypt'],
  async run(t) {
    const source = await givenKey(t);
    const destination = await givenKey(t);
    const blob = await sealed(t, source.KeyId, t.bytes(16), { purpose: 'alpha' });
    await t.expectError(
      t.kms.send(new ReEncryptCommand({ CiphertextBlob: blob, DestinationKeyId: destination.KeyId })),
      CONTEXT_MISMATCH,
    );
  },
});
