import { UpdateCustomKeyStoreCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { cloudHsmInput, describeStore, documented, fixtures, givenStore, storeKms, UPDATE_DOC } from './_support.js';

export default defineCase({
  id: 'custom-key-store.rename-disconnected',
  title: 'UpdateCustomKeyStore renames a DISCONNECTED store',
  doc: UPDATE_DOC,
  source: documented(`${UPDATE_DOC} (NewCustomKeyStoreName)`),
  tags: ['custom-key-store'],
  ops: ['CreateCustomKeyStore', 'UpdateCustomKeyStore', 'DescribeCustomKeyStores'],
  needs: ['key-store-fixtures'],
  timeoutMs: 60_000,
  async run(t) {
    const f = await fixtures(t);
    const kms = storeKms(t);
    const id = await givenStore(t, cloudHsmInput(t, f, 'kmsbench-old-name'));
    await kms.send(new UpdateCustomKeyStoreCommand({ CustomKeyStoreId: id, NewCustomKeyStoreName: 'kmsbench-new-name' }));
    t.expectEqual((await describeStore(kms, id)).CustomKeyStoreName, 'kmsbench-new-name', 'CustomKeyStoreName');
  },
});
