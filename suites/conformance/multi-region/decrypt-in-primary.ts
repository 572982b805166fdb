import { DecryptCommand } from '@aws-sdk/client-kms';
import { interchangeableCase } from './_support.js';
import { givenCiphertext } from '../_lib/prerequisites.js';

export default interchangeableCase({
  behaviour: 'decrypt-in-primary',
  title: "Ciphertext from a replica decrypts in the primary's Region",
  ops: ['Encrypt', 'Decrypt'],
  async body(t, key, region) {
    const blob = await givenCiphertext(t, key.KeyId, { plaintext: Buffer.from('from the replica'), kms: t.kmsIn(region), what: 'Encrypt under the replica gives a ciphertext', coveredBy: false });
    const out = await t.kms.send(new DecryptCommand({ CiphertextBlob: blob }));
    t.expectEqual(Buffer.from(out.Plaintext!).toString(), 'from the replica', 'plaintext in the primary Region');
  },
});
