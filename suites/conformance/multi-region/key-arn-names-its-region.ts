import { CreateKeyCommand } from '@aws-sdk/client-kms';
import { describeIn, otherRegionKeyCase } from './_support.js';
import { keyArn } from '../_lib/support.js';

export default otherRegionKeyCase({
  behaviour: 'key-arn-names-its-region',
  title: 'A key created in another Region has an ARN in that Region and is described there',
  step: 'describe-key-same-specific-region-with-id',
  async body(t, region) {
    const kms = t.kmsIn(region);
    const created = await kms.send(new CreateKeyCommand({}));
    t.check(created.KeyMetadata !== undefined, 'CreateKey answers KeyMetadata', created);
    const key = created.KeyMetadata!;
    t.expectEqual(key.Arn, keyArn(t, key.KeyId!, region), 'Arn of the key');
    t.expectEqual((await describeIn(t, kms, key.KeyId!)).Arn, key.Arn, 'DescribeKey in its Region');
  },
});
