import { contextCase, expectOpens, expectRefused, reEncrypted, seal } from './_support.js';
import { documented } from '../_lib/sources.js';

/** API reference: ReEncrypt under the same key "to change the encryption context of a ciphertext". */
export default contextCase(
  {
    behaviour: 'reencrypt-same-key-new-context',
    title: 'ReEncrypt to the same key changes the context of the new blob and leaves the old blob as it was',
    doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_ReEncrypt.html',
    source: documented('https://docs.aws.amazon.com/kms/latest/APIReference/API_ReEncrypt.html (ReEncrypt to the same key changes the encryption context)'),
    ops: ['CreateKey', 'Encrypt', 'ReEncrypt', 'Decrypt'],
  },
  async (t, key) => {
    const plaintext = t.bytes(16);
    const blob = await seal(t, key.KeyId, plaintext, { version: '1' });
    const moved = await reEncrypted(t, blob, { version: '1' }, key.KeyId, { version: '2' });
    await expectOpens(t, moved, plaintext, { version: '2' }, 'of the new blob with the new context');
    await expectRefused(t, moved, { version: '1' });
    await expectOpens(t, blob, plaintext, { version: '1' }, 'of the old blob with the old context');
    await expectRefused(t, blob, { version: '2' });
  },
);
