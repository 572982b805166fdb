import { defineCase } from '../../../harness/conformance/case.js';
import { REGIONS_DOC, describeIn, documented, replicaRegion } from './_support.js';
import { keyArn } from '../_lib/support.js';

export default defineCase({
  id: 'multi-region.aws-managed-key-per-region',
  title: 'An AWS managed key (alias/aws/ebs) is a different key in each Region, with that Region in its ARN',
  doc: REGIONS_DOC,
  source: documented('https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#aws-managed-key (AWS managed keys are created per account and Region)'),
  tags: ['multi-region', 'semantics'],
  ops: ['DescribeKey'],
  timeoutMs: 120_000,
  async run(t) {
    const region = replicaRegion(t);
    const here = await describeIn(t.kms, 'alias/aws/ebs');
    const there = await describeIn(t.kmsIn(region), 'alias/aws/ebs');
    t.check(here.KeyId !== there.KeyId, 'two different keys', { here: here.KeyId, there: there.KeyId });
    t.expectEqual(there.Arn, keyArn(t, there.KeyId!, region), 'ARN of the other Region\'s key');
  },
});
