import { dataKeyDecrypts } from './_data-key-decrypts.js';

export default dataKeyDecrypts('GenerateDataKeyWithoutPlaintext', 'The CiphertextBlob of GenerateDataKeyWithoutPlaintext (AES_256) decrypts to a 32-byte key', (t, _dk, out) =>
  t.expectEqual(out.Plaintext?.length, 32, 'decrypted data key length'),
);
