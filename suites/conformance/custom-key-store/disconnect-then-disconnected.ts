import { DisconnectCustomKeyStoreCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { awaitConnection, cloudHsmInput, DISCONNECT_DOC, documented, fixtures, givenConnectedStore, MODEL, storeKms } from './_support.js';

export default defineCase({
  id: 'custom-key-store.disconnect-then-disconnected',
  title: 'DisconnectCustomKeyStore of a CONNECTED store leaves it DISCONNECTED',
  doc: DISCONNECT_DOC,
  source: documented(`${DISCONNECT_DOC}; ${MODEL('CustomKeyStoresListEntry.ConnectionState')}`),
  tags: ['custom-key-store'],
  ops: ['CreateCustomKeyStore', 'ConnectCustomKeyStore', 'DescribeCustomKeyStores', 'DisconnectCustomKeyStore'],
  needs: ['key-store-fixtures'],
  timeoutMs: 60_000,
  async run(t) {
    const f = await fixtures(t);
    const kms = storeKms(t);
    const id = await givenConnectedStore(t, cloudHsmInput(t, f));
    await kms.send(new DisconnectCustomKeyStoreCommand({ CustomKeyStoreId: id }));
    const s = await awaitConnection(t, kms, id);
    t.expectEqual(s.ConnectionState === 'DISCONNECTING' ? 'DISCONNECTED' : s.ConnectionState, 'DISCONNECTED', 'ConnectionState');
  },
});
