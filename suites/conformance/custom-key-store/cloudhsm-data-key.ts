import { DecryptCommand, GenerateDataKeyCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { CREATE_KEY_DOC, MODEL, cloudHsmKey, documented, fixtures } from './_support.js';

export default defineCase({
  id: 'custom-key-store.cloudhsm-data-key',
  title: 'GenerateDataKey with a CloudHSM key store key: the blob decrypts to the data key',
  doc: CREATE_KEY_DOC,
  source: documented(`${MODEL('GenerateDataKey')} (works with symmetric encryption KMS keys, custom key stores included)`),
  tags: ['custom-key-store'],
  ops: ['CreateCustomKeyStore', 'ConnectCustomKeyStore', 'DescribeCustomKeyStores', 'CreateKey', 'GenerateDataKey', 'Decrypt'],
  needs: ['key-store-fixtures'],
  timeoutMs: 60_000,
  async run(t) {
    const { kms, id, key } = await cloudHsmKey(t);
    const dk = await kms.send(new GenerateDataKeyCommand({ KeyId: key.KeyId, NumberOfBytes: 32 }));
    const out = await kms.send(new DecryptCommand({ CiphertextBlob: dk.CiphertextBlob }));
    t.expectEqual(Buffer.from(out.Plaintext!).toString('hex'), Buffer.from(dk.Plaintext!).toString('hex'), 'the data key');
  },
});
