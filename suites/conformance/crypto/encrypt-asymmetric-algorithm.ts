import { EncryptCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { givenKey } from '../_lib/prerequisites.js';

export default defineCase({
  id: 'crypto.encrypt-asymmetric-algorithm',
  title: 'Encrypt with EncryptionAlgorithm RSAES_OAEP_SHA_256 under a symmetric key is refused with InvalidKeyUsageException',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_Encrypt.html#KMS-Encrypt-request-EncryptionAlgorithm',
  source: {
    kind: 'documented',
    cite: 'service model: InvalidKeyUsageException ("The encryption algorithm ... is incompatible with the type of key material"); message not recorded',
    verifiedAt: '2026-12-07',
  },
  tags: ['semantics'],
  ops: ['CreateKey', 'Encrypt'],
  async run(t) {
    // MODEL: "SYMMETRIC_DEFAULT ... is the only valid algorithm for symmetric encryption KMS keys". Message not recorded.
    const key = await givenKey(t);
    await t.expectError(
      t.kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: t.bytes(8), EncryptionAlgorithm: 'RSAES_OAEP_SHA_256' })),
      { code: 'InvalidKeyUsageException', status: 400 },
    );
  },
});
