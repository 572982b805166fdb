import { CreateKeyCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { fixtures, givenConnectedStore, inferred, MODEL, storeKms, xksInput } from './_support.js';
import { refused } from '../_lib/support.js';

export default defineCase({
  id: 'custom-key-store.xks-needs-xks-key-id',
  title: 'CreateKey in an external key store without XksKeyId is refused',
  doc: 'https://docs.aws.amazon.com/kms/latest/developerguide/keystore-external.html',
  source: inferred(`${MODEL('CreateKeyRequest.XksKeyId')} ("This parameter is required for a KMS key with an Origin value of EXTERNAL_KEY_STORE"); code ValidationException not recorded`),
  tags: ['custom-key-store'],
  ops: ['CreateCustomKeyStore', 'ConnectCustomKeyStore', 'DescribeCustomKeyStores', 'CreateKey'],
  needs: ['key-store-fixtures'],
  timeoutMs: 60_000,
  async run(t) {
    const f = await fixtures(t);
    const id = await givenConnectedStore(t, xksInput(f));
    await t.expectError(storeKms(t).send(new CreateKeyCommand({ CustomKeyStoreId: id, Origin: 'EXTERNAL_KEY_STORE' })), { code: 'ValidationException', status: 400 });
  },
});
