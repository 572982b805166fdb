import { connectedStore, CREATE_DOC, describeStore, documented, fixtures, MODEL, storeCase, storeKms, XKS_DOC, xksInput } from './_support.js';

export default storeCase({
  id: 'custom-key-store.xks-connect',
  title: 'An external key store on a reachable proxy: created (health-checked), then CONNECTED; the secret is never returned',
  doc: XKS_DOC,
  source: documented(`${CREATE_DOC} (external key stores: the proxy is checked at creation); ${MODEL('XksProxyConfigurationType')} (no RawSecretAccessKey member)`),
  tags: ['custom-key-store'],
  ops: ['CreateCustomKeyStore', 'ConnectCustomKeyStore', 'DescribeCustomKeyStores'],
  async run(t) {
    const f = await fixtures(t);
    const id = await connectedStore(t, xksInput(f));
    const s = await describeStore(storeKms(t), id);
    t.expectEqual(s.CustomKeyStoreType, 'EXTERNAL_KEY_STORE', 'CustomKeyStoreType');
    t.expectEqual(s.XksProxyConfiguration, { Connectivity: 'PUBLIC_ENDPOINT', AccessKeyId: f.Xks.AccessKeyId, UriEndpoint: f.Xks.UriEndpoint, UriPath: f.Xks.UriPath }, 'XksProxyConfiguration');
    t.check(!JSON.stringify(s).includes(f.Xks.SecretAccessKey), 'the secret access key is never returned', s);
  },
});
