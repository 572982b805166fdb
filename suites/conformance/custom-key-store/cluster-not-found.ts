import { CREATE_DOC, MODEL, cloudHsmInput, createStoreRefusalCase, documented } from './_support.js';

export default createStoreRefusalCase({
  id: 'custom-key-store.cluster-not-found',
  title: 'A cluster id that names no cluster: CloudHsmClusterNotFoundException',
  doc: CREATE_DOC,
  source: documented(`${MODEL('CloudHsmClusterNotFoundException')}`),
  input: (t, f) => cloudHsmInput(t, f, 'kmsbench-nocluster', 'cluster-abcdefghijkz'),
  code: 'CloudHsmClusterNotFoundException',
});
