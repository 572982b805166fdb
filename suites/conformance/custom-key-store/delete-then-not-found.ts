import { DeleteCustomKeyStoreCommand, DescribeCustomKeyStoresCommand } from '@aws-sdk/client-kms';
import { cloudHsmInput, DELETE_DOC, documented, fixtures, givenStore, MODEL, storeCase, storeKms } from './_support.js';

export default storeCase({
  id: 'custom-key-store.delete-then-not-found',
  title: 'A DISCONNECTED store without keys is deleted; DescribeCustomKeyStores then answers CustomKeyStoreNotFoundException',
  doc: DELETE_DOC,
  source: documented(`${DELETE_DOC}; ${MODEL('CustomKeyStoreNotFoundException')}`),
  tags: ['custom-key-store'],
  ops: ['CreateCustomKeyStore', 'DeleteCustomKeyStore', 'DescribeCustomKeyStores'],
  async run(t) {
    const f = await fixtures(t);
    const kms = storeKms(t);
    const id = await givenStore(t, cloudHsmInput(t, f));
    await kms.send(new DeleteCustomKeyStoreCommand({ CustomKeyStoreId: id }));
    await t.expectError(kms.send(new DescribeCustomKeyStoresCommand({ CustomKeyStoreId: id })), { code: 'CustomKeyStoreNotFoundException', status: 400 });
  },
});
