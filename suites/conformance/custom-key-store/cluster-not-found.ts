import { CreateCustomKeyStoreCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { CREATE_DOC, MODEL, cloudHsmInput, documented, fixtures, storeKms } from './_support.js';

export default defineCase({
  id: 'custom-key-store.cluster-not-found',
  title: 'A cluster id that names no cluster: CloudHsmClusterNotFoundException',
  doc: CREATE_DOC,
  source: documented(`${MODEL('CloudHsmClusterNotFoundException')}`),
  tags: ['custom-key-store'],
  ops: ['CreateCustomKeyStore'],
  needs: ['key-store-fixtures'],
  timeoutMs: 60_000,
  async run(t) {
    const f = await fixtures(t);
    await t.expectError(storeKms(t).send(new CreateCustomKeyStoreCommand(cloudHsmInput(t, f, 'kmsbench-nocluster', 'cluster-abcdefghijkz'))), { code: 'CloudHsmClusterNotFoundException', status: 400 });
  },
});
