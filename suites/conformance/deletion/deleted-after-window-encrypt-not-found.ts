import { EncryptCommand } from '@aws-sdk/client-kms';
import { notFoundOnceDeleted } from './_deletion-date.js';

/** After the waiting period KMS deletes the key: Encrypt under it then answers NotFoundException. */
export default notFoundOnceDeleted('encrypt-not-found', 'Encrypt under the key', 'Encrypt', (t, key) =>
  t.kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: t.bytes(8) })),
);
