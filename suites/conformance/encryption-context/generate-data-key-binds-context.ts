import { GenerateDataKeyCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { expectOpens, expectRefused } from './_support.js';
import { givenKey } from '../_lib/prerequisites.js';

/** aws-observed.md C1 (test_encryption_context_generate_data_key*: same bare refusal for data keys). */
export default defineCase({
  id: 'encryption-context.generate-data-key-binds-context',
  title: 'A GenerateDataKey blob opens to the returned Plaintext with its context, and not without it',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_GenerateDataKey.html#KMS-GenerateDataKey-request-EncryptionContext',
  source: {
    kind: 'recorded',
    cite: 'spec/aws-observed.md §5 C1 (LS-SNAP test_encryption_context_generate_data_key*)',
    verifiedAt: '2026-12-07',
  },
  tags: ['encryption-context'],
  ops: ['CreateKey', 'GenerateDataKey', 'Decrypt'],
  async run(t) {
    const key = await givenKey(t);
    const context = { bucket: 'reports', object: '2026/11/summary.csv' };
    const out = await t.kms.send(new GenerateDataKeyCommand({ KeyId: key.KeyId, KeySpec: 'AES_256', EncryptionContext: context }));
    t.expectEqual(out.Plaintext?.length, 32, 'length of the AES_256 data key');
    await expectOpens(t, out.CiphertextBlob!, out.Plaintext!, { ...context }, 'with the same context');
    await expectRefused(t, out.CiphertextBlob!, undefined);
    await expectRefused(t, out.CiphertextBlob!, { bucket: 'reports' });
  },
});
