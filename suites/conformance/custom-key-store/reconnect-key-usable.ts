import { DecryptCommand, DescribeKeyCommand } from '@aws-sdk/client-kms';
import { cloudHsmKey, CONNECT_DOC, connectStore, documented, givenDisconnected, KEY_STATE_DOC, storeCase } from './_support.js';
import { givenCiphertext } from '../_lib/prerequisites.js';

export default storeCase({
  id: 'custom-key-store.reconnect-key-usable',
  title: 'After Disconnect and Connect again, a store key is Enabled and decrypts earlier ciphertext',
  doc: CONNECT_DOC,
  source: documented(`${KEY_STATE_DOC} (Unavailable only while the store is disconnected); ${CONNECT_DOC}`),
  tags: ['custom-key-store', 'key-state'],
  ops: ['CreateCustomKeyStore', 'ConnectCustomKeyStore', 'DescribeCustomKeyStores', 'CreateKey', 'Encrypt', 'DisconnectCustomKeyStore', 'DescribeKey', 'Decrypt'],
  async run(t) {
    const { kms, id, key } = await cloudHsmKey(t);
    const CiphertextBlob = await givenCiphertext(t, key.KeyId, { plaintext: Buffer.from('survives a reconnect'), kms, coveredBy: 'custom-key-store.cloudhsm-encrypt-decrypt' });
    await givenDisconnected(t, id);
    t.expectEqual((await connectStore(t, id)).ConnectionState, 'CONNECTED', 'ConnectionState after reconnecting');
    t.expectEqual((await kms.send(new DescribeKeyCommand({ KeyId: key.KeyId }))).KeyMetadata?.KeyState, 'Enabled', 'KeyState');
    t.expectEqual(Buffer.from((await kms.send(new DecryptCommand({ CiphertextBlob }))).Plaintext!).toString(), 'survives a reconnect', 'plaintext');
  },
});
