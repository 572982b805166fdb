import { DecryptCommand } from '@aws-sdk/client-kms';
import { interchangeableCase } from './_support.js';
import { keyArn } from '../_lib/support.js';
import { givenCiphertext } from '../_lib/prerequisites.js';

export default interchangeableCase({
  behaviour: 'decrypt-in-replica',
  title: "Ciphertext from the primary decrypts in the replica's Region, which names the replica",
  ops: ['Encrypt', 'Decrypt'],
  async body(t, key, region) {
    const blob = await givenCiphertext(t, key.KeyId, { plaintext: Buffer.from('from the primary'), context: { purpose: 'mrk' } });
    const out = await t.kmsIn(region).send(new DecryptCommand({ CiphertextBlob: blob, EncryptionContext: { purpose: 'mrk' } }));
    t.expectEqual(Buffer.from(out.Plaintext!).toString(), 'from the primary', 'plaintext in the replica Region');
    t.expectEqual(out.KeyId, keyArn(t, key.KeyId, region), 'KeyId of Decrypt (the replica)');
  },
});
