import { DecryptCommand, EncryptCommand } from '@aws-sdk/client-kms';
import { cloudHsmKey, CREATE_KEY_DOC, documented, storeCase } from './_support.js';

export default storeCase({
  id: 'custom-key-store.cloudhsm-encrypt-decrypt',
  title: 'A key in a CloudHSM key store encrypts and decrypts, with the encryption context bound',
  doc: CREATE_KEY_DOC,
  source: documented('https://docs.aws.amazon.com/kms/latest/developerguide/keystore-cloudhsm.html (cryptographic operations with KMS keys in a CloudHSM key store are performed in the cluster)'),
  tags: ['custom-key-store'],
  ops: ['CreateCustomKeyStore', 'ConnectCustomKeyStore', 'DescribeCustomKeyStores', 'CreateKey', 'Encrypt', 'Decrypt'],
  async run(t) {
    const { kms, id, key } = await cloudHsmKey(t);
    const { CiphertextBlob } = await kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: Buffer.from('in the cluster'), EncryptionContext: { k: 'v' } }));
    const out = await kms.send(new DecryptCommand({ CiphertextBlob, EncryptionContext: { k: 'v' } }));
    t.expectEqual(Buffer.from(out.Plaintext!).toString(), 'in the cluster', 'plaintext');
    await t.expectError(kms.send(new DecryptCommand({ CiphertextBlob, EncryptionContext: { k: 'w' } })), { code: 'InvalidCiphertextException' });
  },
});
