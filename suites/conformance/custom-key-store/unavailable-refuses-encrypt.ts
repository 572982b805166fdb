import { EncryptCommand } from '@aws-sdk/client-kms';
import { cloudHsmKey, givenDisconnected, KEY_STATE_DOC, recorded, storeCase } from './_support.js';

export default storeCase({
  id: 'custom-key-store.unavailable-refuses-encrypt',
  title: 'Encrypt with a key of a disconnected store: KMSInvalidStateException "<arn> is unavailable."',
  doc: KEY_STATE_DOC,
  source: recorded('spec/aws-observed.md §2.1 [11] (KS-OLD)'),
  tags: ['custom-key-store', 'key-state'],
  ops: ['CreateCustomKeyStore', 'ConnectCustomKeyStore', 'DescribeCustomKeyStores', 'CreateKey', 'DisconnectCustomKeyStore', 'Encrypt'],
  async run(t) {
    const { kms, id, key } = await cloudHsmKey(t);
    await givenDisconnected(t, id);
    await t.expectError(kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: t.bytes(8) })), { code: 'KMSInvalidStateException', message: `${key.Arn} is unavailable.` });
  },
});
