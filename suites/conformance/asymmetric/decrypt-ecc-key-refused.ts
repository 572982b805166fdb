import { DecryptCommand } from '@aws-sdk/client-kms';
import { inferred, wrongUsageCase } from '../_lib/asymmetric.js';

export default wrongUsageCase({
  id: 'asymmetric.decrypt-ecc-key-refused',
  op: 'Decrypt',
  keyText: 'naming an ECC SIGN_VERIFY key',
  source: inferred('the usage wording of spec/aws-observed.md §9 (recorded for Encrypt, Verify, Sign, GenerateMac, DeriveSharedSecret) applied to Decrypt'),
  tags: ['asymmetric'],
  spec: 'ECC_NIST_P256',
  usage: 'SIGN_VERIFY',
  call: (t, key) => t.kms.send(new DecryptCommand({ KeyId: key.KeyId, CiphertextBlob: t.bytes(64), EncryptionAlgorithm: 'RSAES_OAEP_SHA_256' })),
});
