import { ReEncryptCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { CONTEXT_MISMATCH, sealed } from './_support.js';
import { givenKey } from '../_lib/prerequisites.js';

/** aws-observed.md C1 family; reference-impl crypto.test "refuses a wrong source context". */
export default defineCase({
  id: 'encryption-context.reencrypt-wrong-source-context',
  title: 'ReEncrypt refuses a SourceEncryptionContext that differs from the sealing context',
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
    const reEncrypt = (context: Record<string, string> | undefined) =>
      t.kms.send(new ReEncryptCommand({ CiphertextBlob: blob, SourceEncryptionContext: context, DestinationKeyId: destination.KeyId }));
    await t.given('ReEncrypt with the source context the blob was sealed under succeeds', () => reEncrypt({ purpose: 'alpha' }), {
      coveredBy: 'encryption-context.reencrypt-destination-context-not-inherited',
    });
    await t.expectError(reEncrypt({ purpose: 'bravo' }), CONTEXT_MISMATCH);
  },
});
