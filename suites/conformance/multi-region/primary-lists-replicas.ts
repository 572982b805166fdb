import { describeIn, givenReplica, MRK_DOC, RECORDED_M1, replicaCase, replicaRegion } from './_support.js';
import { keyArn, settle } from '../_lib/support.js';

export default replicaCase({
  behaviour: 'primary-lists-replicas',
  title: 'DescribeKey of the primary lists each replica in ReplicaKeys',
  doc: MRK_DOC,
  source: RECORDED_M1,
  ops: [],
  async body(t, key, a) {
    const b = replicaRegion(t, 1);
    await givenReplica(t, key.KeyId, b);
    const listed = await settle(
      async () => (await describeIn(t, t.kms, key.KeyId)).MultiRegionConfiguration?.ReplicaKeys ?? [],
      (r) => r.length === 2,
    );
    t.expectEqual(
      listed.map((r) => r.Region).sort(),
      [a, b].sort(),
      'Regions of ReplicaKeys',
    );
    t.check(listed.every((r) => r.Arn === keyArn(t, key.KeyId, r.Region!)), 'each replica ARN names its Region', listed);
  },
});
