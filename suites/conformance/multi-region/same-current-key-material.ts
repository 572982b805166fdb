import { defineCase } from '../../../harness/conformance/case.js';
import { givenReplica, inferred, MODEL, MRK_DOC, primaryKey, replicaRegion, REPLICATE_DOC } from './_support.js';

export default defineCase({
  id: 'multi-region.same-current-key-material',
  title: 'Primary and replica name the same CurrentKeyMaterialId (the same key material)',
  doc: MRK_DOC,
  source: inferred(`${REPLICATE_DOC} ("They have the same key ID and key material"); ${MODEL('ImportKeyMaterialRequest.KeyMaterialId')} (the id derives from the key id and the material); equality across Regions not recorded`),
  tags: ['multi-region'],
  ops: ['CreateKey', 'ReplicateKey', 'DescribeKey'],
  timeoutMs: 120_000,
  async run(t) {
    const key = await primaryKey(t);
    const { ready } = await givenReplica(t, key.KeyId, replicaRegion(t));
    t.check(typeof key.CurrentKeyMaterialId === 'string', 'the primary has a CurrentKeyMaterialId', key);
    t.expectEqual(ready.CurrentKeyMaterialId, key.CurrentKeyMaterialId, 'CurrentKeyMaterialId of the replica');
  },
});
