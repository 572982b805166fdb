import { EncryptCommand } from '@aws-sdk/client-kms';
import { keyCase } from './_support.js';
import { documented } from '../_lib/sources.js';

export default keyCase(
  {
    behaviour: 'encrypt-asymmetric-algorithm',
    title: 'Encrypt with EncryptionAlgorithm RSAES_OAEP_SHA_256 under a symmetric key is refused with InvalidKeyUsageException',
    doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_Encrypt.html#KMS-Encrypt-request-EncryptionAlgorithm',
    source: documented('service model: InvalidKeyUsageException ("The encryption algorithm ... is incompatible with the type of key material"); message not recorded'),
    ops: ['Encrypt'],
  },
  async (t, key) => {
    // MODEL: "SYMMETRIC_DEFAULT ... is the only valid algorithm for symmetric encryption KMS keys". Message not recorded.
    await t.expectError(
      t.kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: t.bytes(8), EncryptionAlgorithm: 'RSAES_OAEP_SHA_256' })),
      { code: 'InvalidKeyUsageException', status: 400 },
    );
  },
);
