import { CREATE_DOC, MODEL, cloudHsmInput, clusterId, createStoreRefusalCase, documented } from './_support.js';

export default createStoreRefusalCase({
  id: 'custom-key-store.name-in-use',
  title: 'A second store with the same name: CustomKeyStoreNameInUseException',
  doc: CREATE_DOC,
  source: documented(`${MODEL('CustomKeyStoreNameInUseException')} ("the specified custom key store name is already assigned to another custom key store in the account")`),
  existing: (t, f) => cloudHsmInput(t, f, 'kmsbench-same-name', clusterId(t, f, 'a')),
  input: (t, f) => cloudHsmInput(t, f, 'kmsbench-same-name', clusterId(t, f, 'b')),
  code: 'CustomKeyStoreNameInUseException',
});
