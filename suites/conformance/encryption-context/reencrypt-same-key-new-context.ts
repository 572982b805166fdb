import { ReEncryptCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { expectOpens, expectRefused, seal } from './_support.js';
import { givenKey } from '../_lib/prerequisites.js';

/** API reference: ReEncrypt under the same key "to change the encryption context of a ciphertext". */
export default defineCase({
  id: 'encryption-context.reencrypt-same-key-new-context',
  title: 'ReEncrypt to the same key changes the context of the new blob and leaves the old blob as it was',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_ReEncrypt.html',
  source: {
    kind: 'documented',
    cite: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_ReEncrypt.html (ReEncrypt to the same key changes the encryption context)',
    verifiedAt: '2026-12-07',
  },
  tags: ['encryption-context'],
  ops: ['CreateKey', 'Encrypt', 'ReEncrypt', 'Decrypt'],
  async run(t) {
    const key = await givenKey(t);
    const plaintext = t.bytes(16);
    const blob = await seal(t, key.KeyId, plaintext, { version: '1' });
    const out = await t.kms.send(
      new ReEncryptCommand({
        CiphertextBlob: blob,
        SourceEncryptionContext: { version: '1' },
        DestinationKeyId: key.KeyId,
        DestinationEncryptionContext: { version: '2' },
      }),
    );
    await expectOpens(t, out.CiphertextBlob!, plaintext, { version: '2' }, 'of the new blob with the new context');
    await expectRefused(t, out.CiphertextBlob!, { version: '1' });
    await expectOpens(t, blob, plaintext, { version: '1' }, 'of the old blob with the old context');
    await expectRefused(t, blob, { version: '2' });
  },
});
