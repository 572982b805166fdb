import { cloudHsmInput, DESCRIBE_DOC, describeStore, documented, fixtures, givenStore, MODEL, storeCase, storeKms } from './_support.js';

export default storeCase({
  id: 'custom-key-store.describe-new-store',
  title: 'A new CloudHSM key store: DISCONNECTED, its name, cluster, trust anchor and type; no password',
  doc: DESCRIBE_DOC,
  source: documented(`${MODEL('CustomKeyStoresListEntry')} (ConnectionState DISCONNECTED "only if the key store has never been connected"; KeyStorePassword is not a member)`),
  tags: ['custom-key-store'],
  ops: ['CreateCustomKeyStore', 'DescribeCustomKeyStores'],
  async run(t) {
    const f = await fixtures(t);
    const input = cloudHsmInput(t, f, 'kmsbench-describe');
    const id = await givenStore(t, input);
    const s = await describeStore(storeKms(t), id);
    t.expectEqual(
      [s.CustomKeyStoreName, s.CloudHsmClusterId, s.ConnectionState, s.CustomKeyStoreType],
      ['kmsbench-describe', input.CloudHsmClusterId, 'DISCONNECTED', 'AWS_CLOUDHSM'],
      'name, cluster, state, type',
    );
    t.check(s.TrustAnchorCertificate?.trim() === f.CloudHsm.TrustAnchorCertificate.trim(), 'the trust anchor', s.TrustAnchorCertificate);
    t.check(!JSON.stringify(s).includes(f.CloudHsm.KeyStorePassword), 'the kmsuser password is never returned', s);
    t.check(s.ConnectionErrorCode === undefined && s.XksProxyConfiguration === undefined, 'no ConnectionErrorCode, no XksProxyConfiguration', s);
  },
});
