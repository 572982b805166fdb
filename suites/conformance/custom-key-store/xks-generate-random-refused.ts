import { GenerateRandomCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { documented, fixtures, givenConnectedStore, MODEL, storeKms, xksInput } from './_support.js';
import { refused } from '../_lib/support.js';

export default defineCase({
  id: 'custom-key-store.xks-generate-random-refused',
  title: 'GenerateRandom with an external key store: UnsupportedOperationException',
  doc: 'https://docs.aws.amazon.com/kms/latest/developerguide/keystore-external.html',
  source: documented(`${MODEL('GenerateRandomRequest.CustomKeyStoreId')} ("External key store IDs are not valid for this parameter"); ${MODEL('GenerateRandom')} errors: UnsupportedOperationException`),
  tags: ['custom-key-store'],
  ops: ['CreateCustomKeyStore', 'ConnectCustomKeyStore', 'DescribeCustomKeyStores', 'GenerateRandom'],
  needs: ['key-store-fixtures'],
  timeoutMs: 60_000,
  async run(t) {
    const f = await fixtures(t);
    const id = await givenConnectedStore(t, xksInput(f));
    await t.expectError(storeKms(t).send(new GenerateRandomCommand({ NumberOfBytes: 8, CustomKeyStoreId: id })), { code: 'UnsupportedOperationException', status: 400 });
  },
});
