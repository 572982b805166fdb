import { CreateKeyCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { documented, fixtures, givenConnectedStore, MODEL, storeKms, xksInput } from './_support.js';

export default defineCase({
  id: 'custom-key-store.xks-key-not-found',
  title: 'CreateKey on an external key the proxy does not have: XksKeyNotFoundException',
  doc: 'https://docs.aws.amazon.com/kms/latest/developerguide/keystore-external.html',
  source: documented(`${MODEL('XksKeyNotFoundException')} ("the external key store proxy could not find the external key")`),
  tags: ['custom-key-store'],
  ops: ['CreateCustomKeyStore', 'ConnectCustomKeyStore', 'DescribeCustomKeyStores', 'CreateKey'],
  needs: ['key-store-fixtures'],
  timeoutMs: 60_000,
  async run(t) {
    const f = await fixtures(t);
    const id = await givenConnectedStore(t, xksInput(f));
    await t.expectError(storeKms(t).send(new CreateKeyCommand({ CustomKeyStoreId: id, Origin: 'EXTERNAL_KEY_STORE', XksKeyId: 'kmsbench-no-such-external-key' })), { code: 'XksKeyNotFoundException', status: 400 });
  },
});
