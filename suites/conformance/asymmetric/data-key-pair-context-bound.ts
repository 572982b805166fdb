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
  prepare: {
    step: 'GenerateDataKeyPairWithoutPlaintext with an encryption context gives a PrivateKeyCiphertextBlob',
    coveredBy: 'asymmetric.data-key-pair-without-plaintext-members',
    run: async (t, key) => (await t.kms.send(new GenerateDataKeyPairWithoutPlaintextCommand({ KeyId: key.KeyId, KeyPairSpec: 'ECC_NIST_P256', EncryptionContext: { a: 'b' } }))).PrivateKeyCiphertextBlob,
  },
  call: (t, _key, blob) => t.kms.send(new DecryptCommand({ CiphertextBlob: blob as Uint8Array })),
  expected: () => ({ code: 'InvalidCiphertextException', status: 400 }),
});
