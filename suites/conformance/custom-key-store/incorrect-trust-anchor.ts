import { CREATE_DOC, MODEL, cloudHsmInput, clusterId, createStoreRefusalCase, documented } from './_support.js';

export default createStoreRefusalCase({
  id: 'custom-key-store.incorrect-trust-anchor',
  title: "A trust anchor certificate that is not the cluster's: IncorrectTrustAnchorException",
  doc: CREATE_DOC,
  source: documented(`${MODEL('IncorrectTrustAnchorException')} ("the trust anchor certificate in the request to create an CloudHSM key store is not the trust anchor certificate for the specified CloudHSM cluster")`),
  input: (t, f) => cloudHsmInput(t, f, 'kmsbench-anchor', clusterId(t, f, '', f.CloudHsm.UnrelatedClusterIdPrefix)),
  code: 'IncorrectTrustAnchorException',
});
