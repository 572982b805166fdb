import { CreateKeyCommand } from '@aws-sdk/client-kms';
import { describeIn, perRegionCase } from './_support.js';
import { keyArn } from '../_lib/support.js';

export default perRegionCase({
  behaviour: 'key-arn-names-its-region',
  title: 'A key created in another Region has an ARN in that Region and is described there',
  source: { kind: 'recorded', cite: 'spec/aws-observed.md §1 N8 (LS-SNAP test_get_key_in_different_region describe-key-same-specific-region-with-id)', verifiedAt: '2024-06-14' },
  tags: ['semantics'],
  ops: ['CreateKey', 'DescribeKey'],
  async body(t, region) {
    const kms = t.kmsIn(region);
    const key = (await kms.send(new CreateKeyCommand({}))).KeyMetadata!;
    t.expectEqual(key.Arn, keyArn(t, key.KeyId!, region), 'Arn of the key');
    t.expectEqual((await describeIn(kms, key.KeyId!)).Arn, key.Arn, 'DescribeKey in its Region');
  },
});
