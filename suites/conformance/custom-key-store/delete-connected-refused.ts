import { DeleteCustomKeyStoreCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { cloudHsmInput, DELETE_DOC, documented, fixtures, givenConnectedStore, MODEL, storeKms } from './_support.js';
import { refused } from '../_lib/support.js';

export default defineCase({
  id: 'custom-key-store.delete-connected-refused',
  title: 'DeleteCustomKeyStore of a CONNECTED store: CustomKeyStoreInvalidStateException',
  doc: DELETE_DOC,
  source: documented(`${MODEL('CustomKeyStoreInvalidStateException')} ("You requested the DeleteCustomKeyStore operation on a custom key store that is not disconnected")`),
  tags: ['custom-key-store'],
  ops: ['CreateCustomKeyStore', 'ConnectCustomKeyStore', 'DescribeCustomKeyStores', 'DeleteCustomKeyStore'],
  needs: ['key-store-fixtures'],
  timeoutMs: 60_000,
  async run(t) {
    const f = await fixtures(t);
    const id = await givenConnectedStore(t, cloudHsmInput(t, f));
    await t.expectError(storeKms(t).send(new DeleteCustomKeyStoreCommand({ CustomKeyStoreId: id })), { code: 'CustomKeyStoreInvalidStateException', status: 400 });
  },
});
