import { CreateKeyCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { cloudHsmInput, CREATE_KEY_DOC, fixtures, givenConnectedStore, inferred, MODEL, storeKms } from './_support.js';
import { refused } from '../_lib/support.js';

export default defineCase({
  id: 'custom-key-store.multi-region-refused',
  title: 'CreateKey MultiRegion=true in a custom key store is refused',
  doc: CREATE_KEY_DOC,
  source: inferred(`${MODEL('CreateKeyRequest.MultiRegion')} ("you cannot create a multi-Region key in a custom key store"); code UnsupportedOperationException not recorded`),
  tags: ['custom-key-store', 'multi-region'],
  ops: ['CreateCustomKeyStore', 'ConnectCustomKeyStore', 'DescribeCustomKeyStores', 'CreateKey'],
  needs: ['key-store-fixtures'],
  timeoutMs: 60_000,
  async run(t) {
    const f = await fixtures(t);
    const id = await givenConnectedStore(t, cloudHsmInput(t, f));
    await t.expectError(storeKms(t).send(new CreateKeyCommand({ CustomKeyStoreId: id, Origin: 'AWS_CLOUDHSM', MultiRegion: true })), { code: 'UnsupportedOperationException', status: 400 });
  },
});
