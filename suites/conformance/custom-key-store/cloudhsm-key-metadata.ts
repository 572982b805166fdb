import { CreateKeyCommand } from '@aws-sdk/client-kms';
import { cloudHsmInput, CREATE_KEY_DOC, documented, fixtures, givenConnectedStore, MODEL, storeCase, storeKms } from './_support.js';

export default storeCase({
  id: 'custom-key-store.cloudhsm-key-metadata',
  title: 'A key in a CloudHSM key store: Origin AWS_CLOUDHSM, CustomKeyStoreId, CloudHsmClusterId, Enabled',
  doc: CREATE_KEY_DOC,
  source: documented(`${MODEL('KeyMetadata.CustomKeyStoreId')}; ${MODEL('KeyMetadata.CloudHsmClusterId')}; ${MODEL('KeyMetadata.Origin')}`),
  tags: ['custom-key-store'],
  ops: ['CreateCustomKeyStore', 'ConnectCustomKeyStore', 'DescribeCustomKeyStores', 'CreateKey'],
  async run(t) {
    const f = await fixtures(t);
    const id = await givenConnectedStore(t, cloudHsmInput(t, f));
    const key = (await storeKms(t).send(new CreateKeyCommand({ CustomKeyStoreId: id, Origin: 'AWS_CLOUDHSM' }))).KeyMetadata!;
    t.expectEqual(
      [key.Origin, key.CustomKeyStoreId, key.CloudHsmClusterId, key.KeyState, key.KeySpec],
      ['AWS_CLOUDHSM', id, cloudHsmInput(t, f).CloudHsmClusterId, 'Enabled', 'SYMMETRIC_DEFAULT'],
      'Origin, CustomKeyStoreId, CloudHsmClusterId, KeyState, KeySpec',
    );
  },
});
