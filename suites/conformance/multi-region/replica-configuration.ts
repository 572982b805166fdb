import { RECORDED_M1, replicaCase, REPLICATE_DOC } from './_support.js';
import { keyArn } from '../_lib/support.js';

export default replicaCase({
  behaviour: 'replica-configuration',
  title: 'DescribeKey of a replica in its Region: REPLICA, PrimaryKey the primary, ReplicaKeys listing it',
  doc: REPLICATE_DOC,
  source: RECORDED_M1,
  ops: [],
  async body(t, key, region, replica) {
    t.expectEqual(replica.MultiRegionConfiguration, {
      MultiRegionKeyType: 'REPLICA',
      PrimaryKey: { Arn: key.Arn, Region: t.region },
      ReplicaKeys: [{ Arn: keyArn(t, key.KeyId, region), Region: region }],
    }, 'MultiRegionConfiguration of the replica');
  },
});
