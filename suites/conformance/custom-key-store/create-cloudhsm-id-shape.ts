import { cloudHsmInput, CREATE_DOC, createStore, documented, fixtures, MODEL, storeCase } from './_support.js';

export default storeCase({
  id: 'custom-key-store.create-cloudhsm-id-shape',
  title: 'CreateCustomKeyStore (AWS_CLOUDHSM) answers an id cks- and 17 hex digits',
  doc: CREATE_DOC,
  source: documented(`${MODEL('CreateCustomKeyStoreResponse.CustomKeyStoreId')}; examples-1.json CreateCustomKeyStore (cks-1234567890abcdef0)`),
  tags: ['custom-key-store'],
  ops: ['CreateCustomKeyStore', 'DescribeCustomKeyStores'],
  async run(t) {
    const f = await fixtures(t);
    const id = await createStore(t, cloudHsmInput(t, f));
    t.check(/^cks-[0-9a-f]{17}$/.test(id), 'the id is cks- and 17 hex digits', id);
  },
});
