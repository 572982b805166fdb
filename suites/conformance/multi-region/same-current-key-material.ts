import { inferred, MODEL, MRK_DOC, replicaCase, REPLICATE_DOC } from './_support.js';

export default replicaCase({
  behaviour: 'same-current-key-material',
  title: 'Primary and replica name the same CurrentKeyMaterialId (the same key material)',
  doc: MRK_DOC,
  source: inferred(`${REPLICATE_DOC} ("They have the same key ID and key material"); ${MODEL('ImportKeyMaterialRequest.KeyMaterialId')} (the id derives from the key id and the material); equality across Regions not recorded`),
  ops: [],
  async body(t, key, _region, replica) {
    t.check(typeof key.CurrentKeyMaterialId === 'string', 'the primary has a CurrentKeyMaterialId', key);
    t.expectEqual(replica.CurrentKeyMaterialId, key.CurrentKeyMaterialId, 'CurrentKeyMaterialId of the replica');
  },
});
