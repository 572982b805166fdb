import { UpdateCustomKeyStoreCommand } from '@aws-sdk/client-kms';
import { cloudHsmInput, describeStore, documented, fixtures, givenStore, storeCase, storeKms, UPDATE_DOC } from './_support.js';

export default storeCase({
  id: 'custom-key-store.rename-disconnected',
  title: 'UpdateCustomKeyStore renames a DISCONNECTED store',
  doc: UPDATE_DOC,
  source: documented(`${UPDATE_DOC} (NewCustomKeyStoreName)`),
  tags: ['custom-key-store'],
  ops: ['CreateCustomKeyStore', 'UpdateCustomKeyStore', 'DescribeCustomKeyStores'],
  async run(t) {
    const f = await fixtures(t);
    const kms = storeKms(t);
    const id = await givenStore(t, cloudHsmInput(t, f, 'kmsbench-old-name'));
    await kms.send(new UpdateCustomKeyStoreCommand({ CustomKeyStoreId: id, NewCustomKeyStoreName: 'kmsbench-new-name' }));
    t.expectEqual((await describeStore(kms, id)).CustomKeyStoreName, 'kmsbench-new-name', 'CustomKeyStoreName');
  },
});
