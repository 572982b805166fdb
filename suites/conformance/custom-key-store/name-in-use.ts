import { CreateCustomKeyStoreCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { cloudHsmInput, clusterId, CREATE_DOC, documented, fixtures, givenStore, MODEL, storeKms } from './_support.js';

export default defineCase({
  id: 'custom-key-store.name-in-use',
  title: 'A second store with the same name: CustomKeyStoreNameInUseException',
  doc: CREATE_DOC,
  source: documented(`${MODEL('CustomKeyStoreNameInUseException')} ("the specified custom key store name is already assigned to another custom key store in the account")`),
  tags: ['custom-key-store'],
  ops: ['CreateCustomKeyStore'],
  needs: ['key-store-fixtures'],
  timeoutMs: 60_000,
  async run(t) {
    const f = await fixtures(t);
    await givenStore(t, cloudHsmInput(t, f, 'kmsbench-same-name', clusterId(t, f, 'a')));
    await t.expectError(storeKms(t).send(new CreateCustomKeyStoreCommand(cloudHsmInput(t, f, 'kmsbench-same-name', clusterId(t, f, 'b')))), { code: 'CustomKeyStoreNameInUseException', status: 400 });
  },
});
