import { DescribeKeyCommand } from '@aws-sdk/client-kms';
import { givenKeyIn, otherRegionKeyCase } from './_support.js';
import { keyArn } from '../_lib/support.js';

export default otherRegionKeyCase({
  behaviour: 'key-of-other-region-not-found-by-id',
  title: 'A key created in another Region: its bare key id is NotFound here, the message naming this Region',
  async body(t, region) {
    const key = await givenKeyIn(t, region, { Description: 'kmsbench key of another Region' });
    await t.expectError(t.kms.send(new DescribeKeyCommand({ KeyId: key.KeyId })), {
      code: 'NotFoundException',
      message: `Key '${keyArn(t, key.KeyId!)}' does not exist`,
    });
  },
});
