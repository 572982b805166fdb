import { MRK_DOC, RECORDED_M1, describeIn, primaryCase } from './_support.js';

export default primaryCase({
  behaviour: 'create-key-primary-configuration',
  title: 'A new multi-Region key: MultiRegionConfiguration PRIMARY, PrimaryKey its own ARN and Region, ReplicaKeys []',
  doc: MRK_DOC,
  source: RECORDED_M1,
  ops: ['DescribeKey'],
  async body(t, key) {
    const md = await describeIn(t, t.kms, key.KeyId);
    t.expectEqual(md.MultiRegionConfiguration, { MultiRegionKeyType: 'PRIMARY', PrimaryKey: { Arn: key.Arn, Region: t.region }, ReplicaKeys: [] }, 'MultiRegionConfiguration');
  },
});
