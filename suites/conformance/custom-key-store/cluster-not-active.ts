import { CREATE_DOC, MODEL, cloudHsmInput, clusterId, createStoreRefusalCase, documented } from './_support.js';

export default createStoreRefusalCase({
  id: 'custom-key-store.cluster-not-active',
  title: 'An inactive cluster: CloudHsmClusterNotActiveException',
  doc: CREATE_DOC,
  source: documented(`${MODEL('CloudHsmClusterNotActiveException')} ("the CloudHSM cluster associated with the CloudHSM key store is not active")`),
  input: (t, f) => cloudHsmInput(t, f, 'kmsbench-inactive', clusterId(t, f, '', f.CloudHsm.InactiveClusterIdPrefix)),
  code: 'CloudHsmClusterNotActiveException',
});
