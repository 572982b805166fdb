import { ConnectCustomKeyStoreCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { awaitConnection, cloudHsmInput, CONNECT_DOC, documented, fixtures, givenStore, MODEL, storeKms } from './_support.js';
import { refused } from '../_lib/support.js';

export default defineCase({
  id: 'custom-key-store.connect-failed-refused',
  title: 'ConnectCustomKeyStore on a FAILED store: CustomKeyStoreInvalidStateException (disconnect first)',
  doc: CONNECT_DOC,
  source: documented(`${MODEL('CustomKeyStoreInvalidStateException')} ("You requested the ConnectCustomKeyStore operation on a custom key store with a ConnectionState of DISCONNECTING or FAILED")`),
  tags: ['custom-key-store'],
  ops: ['CreateCustomKeyStore', 'ConnectCustomKeyStore', 'DescribeCustomKeyStores'],
  needs: ['key-store-fixtures'],
  timeoutMs: 60_000,
  async run(t) {
    const f = await fixtures(t);
    const kms = storeKms(t);
    const id = await givenStore(t, { ...cloudHsmInput(t, f), KeyStorePassword: 'not-the-kmsuser-password' });
    await t.given(
      'ConnectCustomKeyStore with a wrong kmsuser password leaves the store FAILED',
      async () => {
        await kms.send(new ConnectCustomKeyStoreCommand({ CustomKeyStoreId: id }));
        t.expectEqual((await awaitConnection(t, kms, id)).ConnectionState, 'FAILED', 'ConnectionState');
      },
      { coveredBy: 'custom-key-store.connect-wrong-password-failed' },
    );
    await t.expectError(kms.send(new ConnectCustomKeyStoreCommand({ CustomKeyStoreId: id })), { code: 'CustomKeyStoreInvalidStateException', status: 400 });
  },
});
