import { DecryptCommand, GenerateDataKeyPairWithoutPlaintextCommand } from '@aws-sdk/client-kms';
import { recorded, refusalCase, requestDoc } from '../_lib/asymmetric.js';

export default refusalCase({
  id: 'asymmetric.data-key-pair-context-bound',
  title: 'Decrypt of a GenerateDataKeyPair private-key ciphertext without its encryption context is refused with InvalidCiphertextException (no message)',
  doc: requestDoc('GenerateDataKeyPair', 'EncryptionContext'),
  source: recorded('spec/aws-observed.md §5 C1 ("same for data keys / data key pairs")'),
  tags: ['asymmetric', 'encryption-context'],
  ops: ['GenerateDataKeyPair', 'Decrypt'],
  spec: 'SYMMETRIC_DEFAULT',
  usage: 'ENCRYPT_DECRYPT',
  call: (t, key) => t.kms.send(new GenerateDataKeyPairWithoutPlaintextCommand({ KeyId: key.KeyId, KeyPairSpec: 'ECC_NIST_P256', EncryptionContext: { a: 'b' } })).then((p) => t.kms.send(new DecryptCommand({ CiphertextBlob: p.PrivateKeyCiphertextBlob }))),
  expected: () => ({ code: 'InvalidCiphertextException', status: 400 }),
});
