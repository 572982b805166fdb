import { GenerateDataKeyCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { expectOpens, expectRefused } from './_support.js';
import { givenKey } from '../_lib/prerequisites.js';

/** The {ab:c} / {a:bc} boundary for data keys (kms-facts.md). */
export default defineCase({
  id: 'encryption-context.generate-data-key-boundary',
  title: 'A data key sealed under {ab:"c"} is refused under {a:"bc"}',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_GenerateDataKey.html#KMS-GenerateDataKey-request-EncryptionContext',
  source: {
    kind: 'documented',
    cite: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_GenerateDataKey.html#KMS-GenerateDataKey-request-EncryptionContext (an exact, case-sensitive match); the bare reply: spec/aws-observed.md §5 C1',
    verifiedAt: '2026-12-07',
  },
  tags: ['encryption-context'],
  ops: ['CreateKey', 'GenerateDataKey', 'Decrypt'],
  async run(t) {
    const key = await givenKey(t);
    const out = await t.kms.send(new GenerateDataKeyCommand({ KeyId: key.KeyId, NumberOfBytes: 16, EncryptionContext: { ab: 'c' } }));
    await expectOpens(t, out.CiphertextBlob!, out.Plaintext!, { ab: 'c' }, 'with the same context');
    await expectRefused(t, out.CiphertextBlob!, { a: 'bc' });
  },
});
