import { GenerateRandomCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { cloudHsmInput, CREATE_DOC, documented, fixtures, givenConnectedStore, MODEL, storeKms } from './_support.js';

export default defineCase({
  id: 'custom-key-store.generate-random-cloudhsm',
  title: 'GenerateRandom with the id of a CONNECTED CloudHSM key store answers the bytes asked for',
  doc: CREATE_DOC,
  source: documented(`${MODEL('GenerateRandomRequest.CustomKeyStoreId')} ("Generates the random byte string in the CloudHSM cluster")`),
  tags: ['custom-key-store'],
  ops: ['CreateCustomKeyStore', 'ConnectCustomKeyStore', 'DescribeCustomKeyStores', 'GenerateRandom'],
  needs: ['key-store-fixtures'],
  timeoutMs: 60_000,
  async run(t) {
    const f = await fixtures(t);
    const id = await givenConnectedStore(t, cloudHsmInput(t, f));
    const out = await storeKms(t).send(new GenerateRandomCommand({ NumberOfBytes: 48, CustomKeyStoreId: id }));
    t.expectEqual(out.Plaintext?.length, 48, 'length of Plaintext');
  },
});
