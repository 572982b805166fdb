import { ConnectCustomKeyStoreCommand } from '@aws-sdk/client-kms';
import { cloudHsmInput, CONNECT_DOC, describeStore, documented, fixtures, givenConnectedStore, MODEL, storeCase, storeKms } from './_support.js';

export default storeCase({
  id: 'custom-key-store.connect-connected-no-op',
  title: 'ConnectCustomKeyStore on a CONNECTED store succeeds and changes nothing',
  doc: CONNECT_DOC,
  source: documented(`${MODEL('CustomKeyStoreInvalidStateException')} (ConnectCustomKeyStore "is valid for all other ConnectionState values" than DISCONNECTING and FAILED)`),
  tags: ['custom-key-store'],
  ops: ['CreateCustomKeyStore', 'ConnectCustomKeyStore', 'DescribeCustomKeyStores'],
  async run(t) {
    const f = await fixtures(t);
    const id = await givenConnectedStore(t, cloudHsmInput(t, f));
    await storeKms(t).send(new ConnectCustomKeyStoreCommand({ CustomKeyStoreId: id }));
    t.expectEqual((await describeStore(storeKms(t), id)).ConnectionState, 'CONNECTED', 'ConnectionState');
  },
});
