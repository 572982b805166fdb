import { DecryptCommand, EncryptCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { CREATE_KEY_DOC, cloudHsmKey, documented, fixtures } from './_support.js';

export default defineCase({
  id: 'custom-key-store.cloudhsm-encrypt-decrypt',
  title: 'A key in a CloudHSM key store encrypts and decrypts, with the encryption context bound',
  doc: CREATE_KEY_DOC,
  source: documented('https://docs.aws.amazon.com/kms/latest/developerguide/keystore-cloudhsm.html (cryptographic operations with KMS keys in a CloudHSM key store are performed in the cluster)'),
  tags: ['custom-key-store'],
  ops: ['CreateCustomKeyStore', 'ConnectCustomKeyStore', 'DescribeCustomKeyStores', 'CreateKey', 'Encrypt', 'Decrypt'],
  needs: ['key-store-fixtures'],
  timeoutMs: 60_000,
  async run(t) {
    const { kms, id, key } = await cloudHsmKey(t);
    const { CiphertextBlob } = await kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: Buffer.from('in the cluster'), EncryptionContext: { k: 'v' } }));
    const out = await kms.send(new DecryptCommand({ CiphertextBlob, EncryptionContext: { k: 'v' } }));
    t.expectEqual(Buffer.from(out.Plaintext!).toString(), 'in the cluster', 'plaintext');
    await t.expectError(kms.send(new DecryptCommand({ CiphertextBlob, EncryptionContext: { k: 'w' } })), { code: 'InvalidCiphertextException' });
  },
});
