import { CreateCustomKeyStoreCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { CREATE_DOC, MODEL, cloudHsmInput, clusterId, documented, fixtures, storeKms } from './_support.js';

export default defineCase({
  id: 'custom-key-store.incorrect-trust-anchor',
  title: "A trust anchor certificate that is not the cluster's: IncorrectTrustAnchorException",
  doc: CREATE_DOC,
  source: documented(`${MODEL('IncorrectTrustAnchorException')} ("the trust anchor certificate in the request to create an CloudHSM key store is not the trust anchor certificate for the specified CloudHSM cluster")`),
  tags: ['custom-key-store'],
  ops: ['CreateCustomKeyStore'],
  needs: ['key-store-fixtures'],
  timeoutMs: 60_000,
  async run(t) {
    const f = await fixtures(t);
    const cluster = clusterId(t, f, '', f.CloudHsm.UnrelatedClusterIdPrefix);
    await t.expectError(storeKms(t).send(new CreateCustomKeyStoreCommand(cloudHsmInput(t, f, 'kmsbench-anchor', cluster))), { code: 'IncorrectTrustAnchorException', status: 400 });
  },
});
