import { decryptText, describe, encrypt, expiryCase } from './_support.js';

/** Imported material that expires on the server clock. */
export default expiryCase({
  id: 'expiry-not-before-valid-to',
  title: 'One day before its ValidTo the material is still there: the key is Enabled and encrypts',
  ops: ['DescribeKey', 'Encrypt', 'Decrypt'],
  advance: '1d',
  async body(t, key) {
    t.expectEqual((await describe(t, key.KeyId)).KeyState, 'Enabled', 'KeyState before ValidTo');
    t.expectEqual(await decryptText(t, await encrypt(t, key.KeyId, 'still here')), 'still here', 'round trip');
  },
});
