import { CreateCustomKeyStoreCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { CREATE_DOC, MODEL, cloudHsmInput, clusterId, documented, fixtures, storeKms } from './_support.js';

export default defineCase({
  id: 'custom-key-store.cluster-not-active',
  title: 'An inactive cluster: CloudHsmClusterNotActiveException',
  doc: CREATE_DOC,
  source: documented(`${MODEL('CloudHsmClusterNotActiveException')} ("the CloudHSM cluster associated with the CloudHSM key store is not active")`),
  tags: ['custom-key-store'],
  ops: ['CreateCustomKeyStore'],
  needs: ['key-store-fixtures'],
  timeoutMs: 60_000,
  async run(t) {
    const f = await fixtures(t);
    const cluster = clusterId(t, f, '', f.CloudHsm.InactiveClusterIdPrefix);
    await t.expectError(storeKms(t).send(new CreateCustomKeyStoreCommand(cloudHsmInput(t, f, 'kmsbench-inactive', cluster))), { code: 'CloudHsmClusterNotActiveException', status: 400 });
  },
});
