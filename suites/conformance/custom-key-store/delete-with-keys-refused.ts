import { DeleteCustomKeyStoreCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { cloudHsmInput, DELETE_DOC, documented, fixtures, givenConnectedStore, givenDisconnected, givenStoreKey, MODEL, storeKms } from './_support.js';
import { refused } from '../_lib/support.js';

export default defineCase({
  id: 'custom-key-store.delete-with-keys-refused',
  title: 'DeleteCustomKeyStore of a store that has keys: CustomKeyStoreHasCMKsException',
  doc: DELETE_DOC,
  source: documented(`${MODEL('CustomKeyStoreHasCMKsException')} ("the custom key store contains KMS keys. After verifying that you do not need to use the KMS keys, use the ScheduleKeyDeletion operation to delete the KMS keys")`),
  tags: ['custom-key-store'],
  ops: ['CreateCustomKeyStore', 'ConnectCustomKeyStore', 'DescribeCustomKeyStores', 'CreateKey', 'DisconnectCustomKeyStore', 'DeleteCustomKeyStore'],
  needs: ['key-store-fixtures'],
  timeoutMs: 60_000,
  async run(t) {
    const f = await fixtures(t);
    const kms = storeKms(t);
    const id = await givenConnectedStore(t, cloudHsmInput(t, f));
    await givenStoreKey(t, id, { Origin: 'AWS_CLOUDHSM' });
    await givenDisconnected(t, id);
    await t.expectError(kms.send(new DeleteCustomKeyStoreCommand({ CustomKeyStoreId: id })), { code: 'CustomKeyStoreHasCMKsException', status: 400 });
  },
});
