import { b64 } from '../_lib/support.js';
import { dataKeyDecrypts } from './_data-key-decrypts.js';

export default dataKeyDecrypts('GenerateDataKey', 'The CiphertextBlob of GenerateDataKey decrypts to its Plaintext, under the same key', (t, dk, out) =>
  t.expectEqual(b64(out.Plaintext ?? new Uint8Array()), b64(dk.Plaintext ?? new Uint8Array()), 'decrypted data key (base64)'),
);
