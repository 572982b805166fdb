import { cloudHsmInput, CONNECT_DOC, connectedStore, documented, fixtures, storeCase } from './_support.js';

export default storeCase({
  id: 'custom-key-store.connect-becomes-connected',
  title: 'ConnectCustomKeyStore answers at once; the store then becomes CONNECTED',
  doc: CONNECT_DOC,
  source: documented(`${CONNECT_DOC} ("This operation starts the connection process, but it does not wait for it to complete. When it succeeds, this operation quickly returns an HTTP 200 response")`),
  tags: ['custom-key-store'],
  ops: ['CreateCustomKeyStore', 'ConnectCustomKeyStore', 'DescribeCustomKeyStores'],
  async run(t) {
    const f = await fixtures(t);
    await connectedStore(t, cloudHsmInput(t, f));
  },
});
