import { DescribeKeyCommand } from '@aws-sdk/client-kms';
import { givenKeyIn, perRegionCase } from './_support.js';
import { keyArn } from '../_lib/support.js';

export default perRegionCase({
  behaviour: 'key-of-other-region-not-found-by-id',
  title: 'A key created in another Region: its bare key id is NotFound here, the message naming this Region',
  source: { kind: 'recorded', cite: 'spec/aws-observed.md §1 N8 (LS-SNAP test_get_key_in_different_region)', verifiedAt: '2024-06-14' },
  tags: ['semantics'],
  ops: ['CreateKey', 'DescribeKey'],
  async body(t, region) {
    const key = await givenKeyIn(t, region, { Description: 'kmsbench key of another Region' });
    await t.expectError(t.kms.send(new DescribeKeyCommand({ KeyId: key.KeyId })), {
      code: 'NotFoundException',
      message: `Key '${keyArn(t, key.KeyId!)}' does not exist`,
    });
  },
});
