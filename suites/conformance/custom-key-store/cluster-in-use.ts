import { CreateCustomKeyStoreCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { cloudHsmInput, clusterId, CREATE_DOC, documented, fixtures, givenStore, MODEL, storeKms } from './_support.js';

export default defineCase({
  id: 'custom-key-store.cluster-in-use',
  title: 'A second store on the same cluster: CloudHsmClusterInUseException',
  doc: CREATE_DOC,
  source: documented(`${MODEL('CloudHsmClusterInUseException')} ("the specified CloudHSM cluster is already associated with an CloudHSM key store in the account")`),
  tags: ['custom-key-store'],
  ops: ['CreateCustomKeyStore'],
  needs: ['key-store-fixtures'],
  timeoutMs: 60_000,
  async run(t) {
    const f = await fixtures(t);
    const cluster = clusterId(t, f);
    await givenStore(t, cloudHsmInput(t, f, 'kmsbench-first', cluster));
    await t.expectError(storeKms(t).send(new CreateCustomKeyStoreCommand(cloudHsmInput(t, f, 'kmsbench-second', cluster))), { code: 'CloudHsmClusterInUseException', status: 400 });
  },
});
