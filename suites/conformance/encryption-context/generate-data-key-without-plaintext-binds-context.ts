import { DecryptCommand, GenerateDataKeyWithoutPlaintextCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { expectRefused } from './_support.js';
import { givenKey } from '../_lib/prerequisites.js';

export default defineCase({
  id: 'encryption-context.generate-data-key-without-plaintext-binds-context',
  title: 'A GenerateDataKeyWithoutPlaintext blob opens only with its context',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_GenerateDataKeyWithoutPlaintext.html#KMS-GenerateDataKeyWithoutPlaintext-request-EncryptionContext',
  source: {
    kind: 'recorded',
    cite: 'spec/aws-observed.md §5 C1 (LS-SNAP test_encryption_context_generate_data_key*)',
    verifiedAt: '2026-12-07',
  },
  tags: ['encryption-context'],
  ops: ['CreateKey', 'GenerateDataKeyWithoutPlaintext', 'Decrypt'],
  async run(t) {
    const key = await givenKey(t);
    const context = { table: 'orders', column: 'card' };
    const out = await t.kms.send(new GenerateDataKeyWithoutPlaintextCommand({ KeyId: key.KeyId, NumberOfBytes: 24, EncryptionContext: context }));
    const opened = await t.kms.send(new DecryptCommand({ CiphertextBlob: out.CiphertextBlob, EncryptionContext: { column: 'card', table: 'orders' } }));
    t.expectEqual(opened.Plaintext?.length, 24, 'length of the data key after Decrypt with the same context');
    await expectRefused(t, out.CiphertextBlob!, undefined);
    await expectRefused(t, out.CiphertextBlob!, { table: 'orders', column: 'Card' });
  },
});
