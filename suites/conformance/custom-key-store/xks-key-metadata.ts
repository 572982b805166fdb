import { CreateKeyCommand } from '@aws-sdk/client-kms';
import { documented, fixtures, givenConnectedStore, MODEL, storeCase, storeKms, XKS_DOC, xksInput } from './_support.js';

export default storeCase({
  id: 'custom-key-store.xks-key-metadata',
  title: 'A key in an external key store: Origin EXTERNAL_KEY_STORE, CustomKeyStoreId, XksKeyConfiguration.Id',
  doc: XKS_DOC,
  source: documented(`${MODEL('KeyMetadata.XksKeyConfiguration')}; ${MODEL('CreateKeyRequest.XksKeyId')}`),
  tags: ['custom-key-store'],
  ops: ['CreateCustomKeyStore', 'ConnectCustomKeyStore', 'DescribeCustomKeyStores', 'CreateKey'],
  async run(t) {
    const f = await fixtures(t);
    const id = await givenConnectedStore(t, xksInput(f));
    const key = (await storeKms(t).send(new CreateKeyCommand({ CustomKeyStoreId: id, Origin: 'EXTERNAL_KEY_STORE', XksKeyId: f.Xks.KeyIds[0] }))).KeyMetadata!;
    t.expectEqual([key.Origin, key.CustomKeyStoreId, key.XksKeyConfiguration?.Id], ['EXTERNAL_KEY_STORE', id, f.Xks.KeyIds[0]], 'Origin, CustomKeyStoreId, XksKeyConfiguration.Id');
  },
});
