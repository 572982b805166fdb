import { GenerateRandomCommand } from '@aws-sdk/client-kms';
import { cloudHsmInput, CREATE_DOC, documented, fixtures, givenConnectedStore, MODEL, storeCase, storeKms } from './_support.js';

export default storeCase({
  id: 'custom-key-store.generate-random-cloudhsm',
  title: 'GenerateRandom with the id of a CONNECTED CloudHSM key store answers the bytes asked for',
  doc: CREATE_DOC,
  source: documented(`${MODEL('GenerateRandomRequest.CustomKeyStoreId')} ("Generates the random byte string in the CloudHSM cluster")`),
  tags: ['custom-key-store'],
  ops: ['CreateCustomKeyStore', 'ConnectCustomKeyStore', 'DescribeCustomKeyStores', 'GenerateRandom'],
  async run(t) {
    const f = await fixtures(t);
    const id = await givenConnectedStore(t, cloudHsmInput(t, f));
    const out = await storeKms(t).send(new GenerateRandomCommand({ NumberOfBytes: 48, CustomKeyStoreId: id }));
    t.expectEqual(out.Plaintext?.length, 48, 'length of Plaintext');
  },
});
