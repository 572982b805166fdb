import { defineCase } from '../../../harness/conformance/case.js';
import { MODEL, REPLICATE_DOC, describeIn, documented, primaryKey, replicaRegion, replicate } from './_support.js';

export default defineCase({
  id: 'multi-region.replicate-description-not-shared',
  title: 'The replica has its own description; the primary keeps its own',
  doc: REPLICATE_DOC,
  source: documented(`${MODEL('ReplicateKeyRequest.Description')} ("The description is not a shared property of multi-Region keys")`),
  tags: ['multi-region'],
  ops: ['CreateKey', 'ReplicateKey', 'DescribeKey'],
  timeoutMs: 120_000,
  async run(t) {
    const key = await primaryKey(t, { Description: 'primary' });
    const { ready } = await replicate(t, key.KeyId, replicaRegion(t), { Description: 'replica' });
    t.expectEqual(ready.Description, 'replica', 'Description of the replica');
    t.expectEqual((await describeIn(t.kms, key.KeyId)).Description, 'primary', 'Description of the primary');
  },
});
