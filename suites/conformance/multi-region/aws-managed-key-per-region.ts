import { describeIn, documented, perRegionCase } from './_support.js';
import { keyArn } from '../_lib/support.js';

export default perRegionCase({
  behaviour: 'aws-managed-key-per-region',
  title: 'An AWS managed key (alias/aws/ebs) is a different key in each Region, with that Region in its ARN',
  source: documented('https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#aws-managed-key (AWS managed keys are created per account and Region)'),
  tags: ['semantics'],
  ops: ['DescribeKey'],
  async body(t, region) {
    const here = await describeIn(t, t.kms, 'alias/aws/ebs');
    const there = await describeIn(t, t.kmsIn(region), 'alias/aws/ebs');
    t.check(here.KeyId !== there.KeyId, 'two different keys', { here: here.KeyId, there: there.KeyId });
    t.expectEqual(there.Arn, keyArn(t, there.KeyId!, region), 'ARN of the other Region\'s key');
  },
});
