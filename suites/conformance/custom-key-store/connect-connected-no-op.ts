import { ConnectCustomKeyStoreCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { CONNECT_DOC, MODEL, cloudHsmInput, connectedStore, describeStore, documented, fixtures, storeKms } from './_support.js';

export default defineCase({
  id: 'custom-key-store.connect-connected-no-op',
  title: 'ConnectCustomKeyStore on a CONNECTED store succeeds and changes nothing',
  doc: CONNECT_DOC,
  source: documented(`${MODEL('CustomKeyStoreInvalidStateException')} (ConnectCustomKeyStore "is valid for all other ConnectionState values" than DISCONNECTING and FAILED)`),
  tags: ['custom-key-store'],
  ops: ['CreateCustomKeyStore', 'ConnectCustomKeyStore', 'DescribeCustomKeyStores'],
  needs: ['key-store-fixtures'],
  timeoutMs: 60_000,
  async run(t) {
    const f = await fixtures(t);
    const id = await connectedStore(t, cloudHsmInput(t, f));
    await storeKms(t).send(new ConnectCustomKeyStoreCommand({ CustomKeyStoreId: id }));
    t.expectEqual((await describeStore(storeKms(t), id)).ConnectionState, 'CONNECTED', 'ConnectionState');
  },
});
