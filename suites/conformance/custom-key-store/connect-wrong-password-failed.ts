import { CONNECT_DOC, connectStore, documented, fixtures, givenStore, MODEL, storeCase, wrongPasswordInput } from './_support.js';

export default storeCase({
  id: 'custom-key-store.connect-wrong-password-failed',
  title: 'A wrong kmsuser password: the connection FAILS with ConnectionErrorCode INVALID_CREDENTIALS',
  doc: CONNECT_DOC,
  source: documented(`${MODEL('CustomKeyStoresListEntry.ConnectionErrorCode')} ("INVALID_CREDENTIALS — ... the KeyStorePassword for the custom key store doesn't match the current password of the kmsuser")`),
  tags: ['custom-key-store'],
  ops: ['CreateCustomKeyStore', 'ConnectCustomKeyStore', 'DescribeCustomKeyStores'],
  async run(t) {
    const f = await fixtures(t);
    const id = await givenStore(t, wrongPasswordInput(t, f));
    const s = await connectStore(t, id);
    t.expectEqual([s.ConnectionState, s.ConnectionErrorCode], ['FAILED', 'INVALID_CREDENTIALS'], 'ConnectionState and ConnectionErrorCode');
  },
});
