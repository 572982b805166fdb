import { UpdateCustomKeyStoreCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { cloudHsmInput, documented, fixtures, givenConnectedStore, storeKms, UPDATE_DOC } from './_support.js';
import { refused } from '../_lib/support.js';

export default defineCase({
  id: 'custom-key-store.password-change-connected-refused',
  title: 'UpdateCustomKeyStore of the KeyStorePassword while CONNECTED: CustomKeyStoreInvalidStateException',
  doc: UPDATE_DOC,
  source: documented(`${UPDATE_DOC} ("To update most properties ... the ConnectionState ... must be DISCONNECTED")`),
  tags: ['custom-key-store'],
  ops: ['CreateCustomKeyStore', 'ConnectCustomKeyStore', 'DescribeCustomKeyStores', 'UpdateCustomKeyStore'],
  needs: ['key-store-fixtures'],
  timeoutMs: 60_000,
  async run(t) {
    const f = await fixtures(t);
    const id = await givenConnectedStore(t, cloudHsmInput(t, f));
    await t.expectError(storeKms(t).send(new UpdateCustomKeyStoreCommand({ CustomKeyStoreId: id, KeyStorePassword: 'another-password' })), { code: 'CustomKeyStoreInvalidStateException', status: 400 });
  },
});
