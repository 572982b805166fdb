import { CreateKeyCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { documented, fixtures, givenConnectedStore, givenStoreKey, MODEL, storeKms, xksInput } from './_support.js';

export default defineCase({
  id: 'custom-key-store.xks-key-in-use',
  title: 'A second KMS key on the same external key of a store: XksKeyAlreadyInUseException',
  doc: 'https://docs.aws.amazon.com/kms/latest/developerguide/keystore-external.html',
  source: documented(`${MODEL('XksKeyAlreadyInUseException')} ("the (XksKeyId) is already associated with another KMS key in this external key store")`),
  tags: ['custom-key-store'],
  ops: ['CreateCustomKeyStore', 'ConnectCustomKeyStore', 'DescribeCustomKeyStores', 'CreateKey'],
  needs: ['key-store-fixtures'],
  timeoutMs: 60_000,
  async run(t) {
    const f = await fixtures(t);
    const kms = storeKms(t);
    const id = await givenConnectedStore(t, xksInput(f));
    await givenStoreKey(t, id, { Origin: 'EXTERNAL_KEY_STORE', XksKeyId: f.Xks.KeyIds[2] });
    await t.expectError(kms.send(new CreateKeyCommand({ CustomKeyStoreId: id, Origin: 'EXTERNAL_KEY_STORE', XksKeyId: f.Xks.KeyIds[2] })), { code: 'XksKeyAlreadyInUseException', status: 400 });
  },
});
