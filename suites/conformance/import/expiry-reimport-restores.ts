import { decryptText, describe, expiryCase, importMaterial } from './_support.js';
import { givenCiphertext } from '../_lib/prerequisites.js';

/** Imported material that expires on the server clock. */
export default expiryCase({
  id: 'expiry-reimport-restores',
  title: 'After expiry the key is PendingImport; re-importing the same material makes earlier ciphertext decrypt again',
  ops: ['Encrypt', 'DescribeKey', 'Decrypt'],
  before: (t, key) => givenCiphertext(t, key.KeyId, { plaintext: Buffer.from('expires in two days') }),
  async body(t, key, m, blob) {
    t.expectEqual((await describe(t, key.KeyId)).KeyState, 'PendingImport', 'KeyState after ValidTo');
    await importMaterial(t, key.KeyId, m);
    t.expectEqual(await decryptText(t, blob), 'expires in two days', 'plaintext after the re-import');
  },
});
