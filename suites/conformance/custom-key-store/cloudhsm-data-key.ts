import { DecryptCommand, GenerateDataKeyCommand } from '@aws-sdk/client-kms';
import { cloudHsmKey, CREATE_KEY_DOC, documented, MODEL, storeCase } from './_support.js';

export default storeCase({
  id: 'custom-key-store.cloudhsm-data-key',
  title: 'GenerateDataKey with a CloudHSM key store key: the blob decrypts to the data key',
  doc: CREATE_KEY_DOC,
  source: documented(`${MODEL('GenerateDataKey')} (works with symmetric encryption KMS keys, custom key stores included)`),
  tags: ['custom-key-store'],
  ops: ['CreateCustomKeyStore', 'ConnectCustomKeyStore', 'DescribeCustomKeyStores', 'CreateKey', 'GenerateDataKey', 'Decrypt'],
  async run(t) {
    const { kms, id, key } = await cloudHsmKey(t);
    const dk = await kms.send(new GenerateDataKeyCommand({ KeyId: key.KeyId, NumberOfBytes: 32 }));
    const out = await kms.send(new DecryptCommand({ CiphertextBlob: dk.CiphertextBlob }));
    t.expectEqual(Buffer.from(out.Plaintext!).toString('hex'), Buffer.from(dk.Plaintext!).toString('hex'), 'the data key');
  },
});
