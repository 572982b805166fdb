import { DisconnectCustomKeyStoreCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { cloudHsmInput, DISCONNECT_DOC, documented, fixtures, givenStore, MODEL, storeKms } from './_support.js';
import { refused } from '../_lib/support.js';

export default defineCase({
  id: 'custom-key-store.disconnect-disconnected-refused',
  title: 'DisconnectCustomKeyStore on a DISCONNECTED store: CustomKeyStoreInvalidStateException',
  doc: DISCONNECT_DOC,
  source: documented(`${MODEL('CustomKeyStoreInvalidStateException')} ("You requested the DisconnectCustomKeyStore operation on a custom key store with a ConnectionState of DISCONNECTING or DISCONNECTED")`),
  tags: ['custom-key-store'],
  ops: ['CreateCustomKeyStore', 'DisconnectCustomKeyStore'],
  needs: ['key-store-fixtures'],
  timeoutMs: 60_000,
  async run(t) {
    const f = await fixtures(t);
    const id = await givenStore(t, cloudHsmInput(t, f));
    await t.expectError(storeKms(t).send(new DisconnectCustomKeyStoreCommand({ CustomKeyStoreId: id })), { code: 'CustomKeyStoreInvalidStateException', status: 400 });
  },
});
