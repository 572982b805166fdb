import { CreateKeyCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { documented, fixtures, givenConnectedStore, MODEL, storeKms, XKS_SPEC, xksInput } from './_support.js';

export default defineCase({
  id: 'custom-key-store.xks-key-disabled',
  title: 'CreateKey on a disabled external key: XksKeyInvalidConfigurationException',
  doc: 'https://docs.aws.amazon.com/kms/latest/developerguide/keystore-external.html',
  source: documented(`${MODEL('XksKeyInvalidConfigurationException')} ("the external key specified by the XksKeyId parameter did not meet the configuration requirements"); ${XKS_SPEC} (GetKeyMetadata: keyStatus must be ENABLED)`),
  tags: ['custom-key-store'],
  ops: ['CreateCustomKeyStore', 'ConnectCustomKeyStore', 'DescribeCustomKeyStores', 'CreateKey'],
  needs: ['key-store-fixtures'],
  timeoutMs: 60_000,
  async run(t) {
    const f = await fixtures(t);
    const id = await givenConnectedStore(t, xksInput(f));
    await t.expectError(storeKms(t).send(new CreateKeyCommand({ CustomKeyStoreId: id, Origin: 'EXTERNAL_KEY_STORE', XksKeyId: f.Xks.DisabledKeyId })), { code: 'XksKeyInvalidConfigurationException', status: 400 });
  },
});
