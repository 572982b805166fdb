import { GenerateRandomCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { cloudHsmInput, CREATE_DOC, documented, fixtures, givenStore, MODEL, storeKms } from './_support.js';
import { refused } from '../_lib/support.js';

export default defineCase({
  id: 'custom-key-store.generate-random-disconnected-refused',
  title: 'GenerateRandom with a DISCONNECTED CloudHSM key store: CustomKeyStoreInvalidStateException',
  doc: CREATE_DOC,
  source: documented(`${MODEL('GenerateRandom')} errors: CustomKeyStoreInvalidStateException ("the custom key store is not connected")`),
  tags: ['custom-key-store'],
  ops: ['CreateCustomKeyStore', 'GenerateRandom'],
  needs: ['key-store-fixtures'],
  timeoutMs: 60_000,
  async run(t) {
    const f = await fixtures(t);
    const id = await givenStore(t, cloudHsmInput(t, f));
    await t.expectError(storeKms(t).send(new GenerateRandomCommand({ NumberOfBytes: 8, CustomKeyStoreId: id })), { code: 'CustomKeyStoreInvalidStateException', status: 400 });
  },
});
