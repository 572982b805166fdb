import { EncryptCommand } from '@aws-sdk/client-kms';
import { b64 } from '../_lib/support.js';
import { keyCase } from './_support.js';
import { documented } from '../_lib/sources.js';

export default keyCase(
  {
    behaviour: 'encrypt-nondeterministic',
    title: 'Encrypting the same plaintext twice under the same key gives two different ciphertexts',
    doc: 'https://docs.aws.amazon.com/kms/latest/developerguide/kms-cryptography.html#symmetric-cmks',
    source: documented('https://docs.aws.amazon.com/kms/latest/developerguide/kms-cryptography.html#symmetric-cmks (AES-GCM with a fresh IV per call)'),
    ops: ['Encrypt'],
  },
  async (t, key) => {
    const plaintext = t.bytes(32, 7);
    const [a, b] = await Promise.all([
      t.kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: plaintext })),
      t.kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: plaintext })),
    ]);
    t.check(b64(a.CiphertextBlob ?? new Uint8Array()) !== b64(b.CiphertextBlob ?? new Uint8Array()), 'the two ciphertexts differ');
  },
);
