import { EncryptCommand } from '@aws-sdk/client-kms';
import { expiryCase } from './_support.js';

/** Imported material that expires on the server clock. */
export default expiryCase({
  id: 'expiry-refuses-encrypt',
  title: "Encrypt past the material's ValidTo: KMSInvalidStateException \"<arn> is pending import.\"",
  ops: ['Encrypt'],
  async body(t, key) {
    await t.expectError(t.kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: t.bytes(8) })), { code: 'KMSInvalidStateException', message: `${key.Arn} is pending import.` });
  },
});
