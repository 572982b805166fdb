import { DisconnectCustomKeyStoreCommand } from '@aws-sdk/client-kms';
import { awaitConnection, cloudHsmInput, DISCONNECT_DOC, documented, fixtures, givenConnectedStore, MODEL, storeCase, storeKms } from './_support.js';

export default storeCase({
  id: 'custom-key-store.disconnect-then-disconnected',
  title: 'DisconnectCustomKeyStore of a CONNECTED store leaves it DISCONNECTED',
  doc: DISCONNECT_DOC,
  source: documented(`${DISCONNECT_DOC}; ${MODEL('CustomKeyStoresListEntry.ConnectionState')}`),
  tags: ['custom-key-store'],
  ops: ['CreateCustomKeyStore', 'ConnectCustomKeyStore', 'DescribeCustomKeyStores', 'DisconnectCustomKeyStore'],
  async run(t) {
    const f = await fixtures(t);
    const kms = storeKms(t);
    const id = await givenConnectedStore(t, cloudHsmInput(t, f));
    await kms.send(new DisconnectCustomKeyStoreCommand({ CustomKeyStoreId: id }));
    const s = await awaitConnection(t, kms, id);
    t.expectEqual(s.ConnectionState === 'DISCONNECTING' ? 'DISCONNECTED' : s.ConnectionState, 'DISCONNECTED', 'ConnectionState');
  },
});
