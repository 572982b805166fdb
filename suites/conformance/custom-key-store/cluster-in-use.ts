import { CREATE_DOC, MODEL, cloudHsmInput, clusterId, createStoreRefusalCase, documented } from './_support.js';

export default createStoreRefusalCase({
  id: 'custom-key-store.cluster-in-use',
  title: 'A second store on the same cluster: CloudHsmClusterInUseException',
  doc: CREATE_DOC,
  source: documented(`${MODEL('CloudHsmClusterInUseException')} ("the specified CloudHSM cluster is already associated with an CloudHSM key store in the account")`),
  existing: (t, f) => cloudHsmInput(t, f, 'kmsbench-first', clusterId(t, f)),
  input: (t, f) => cloudHsmInput(t, f, 'kmsbench-second', clusterId(t, f)),
  code: 'CloudHsmClusterInUseException',
});
