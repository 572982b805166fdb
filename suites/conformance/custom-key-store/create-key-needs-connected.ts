import { CreateKeyCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { cloudHsmInput, CREATE_KEY_DOC, documented, fixtures, givenStore, MODEL, storeKms } from './_support.js';

export default defineCase({
  id: 'custom-key-store.create-key-needs-connected',
  title: 'CreateKey in a DISCONNECTED store: CustomKeyStoreInvalidStateException',
  doc: CREATE_KEY_DOC,
  source: documented(`${MODEL('CustomKeyStoreInvalidStateException')} ("You requested the CreateKey operation in a custom key store that is not connected")`),
  tags: ['custom-key-store'],
  ops: ['CreateCustomKeyStore', 'CreateKey'],
  needs: ['key-store-fixtures'],
  timeoutMs: 60_000,
  async run(t) {
    const f = await fixtures(t);
    const id = await givenStore(t, cloudHsmInput(t, f));
    await t.expectError(storeKms(t).send(new CreateKeyCommand({ CustomKeyStoreId: id, Origin: 'AWS_CLOUDHSM' })), { code: 'CustomKeyStoreInvalidStateException', status: 400 });
  },
});
