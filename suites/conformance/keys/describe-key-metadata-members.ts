import { defineCase } from '../../../harness/conformance/case.js';
import { expectRawOk, members } from '../_lib/support.js';
import { SYMMETRIC_KEY_METADATA_MEMBERS } from '../../../common/key-metadata.js';
import { membersAsOf } from '../_lib/aws-profile.js';
import { givenKey } from '../_lib/prerequisites.js';
import { recorded } from '../_lib/sources.js';

export default defineCase({
  id: 'keys.describe-key-metadata-members',
  title: 'DescribeKey answers {KeyMetadata} with exactly the symmetric-key member set',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_DescribeKey.html#API_DescribeKey_ResponseSyntax',
  source: recorded('spec/aws-observed.md §4.1 (LS-SNAP test_create_key, 2023-04-13; CurrentKeyMaterialId in test_describe_with_alias_arn, 2025-08-05) (KeyMaterialId, CurrentKeyMaterialId: aws-sdk-go-v2 service/kms CHANGELOG v1.39.0, 2025-06-05)', { verifiedAt: '2025-08-05' }),
  tags: ['semantics'],
  ops: ['CreateKey', 'DescribeKey'],
  async run(t) {
    const key = await givenKey(t);
    const body = expectRawOk<{ KeyMetadata?: Record<string, unknown> }>(t, await t.raw('DescribeKey', { KeyId: key.KeyId }), 'DescribeKey');
    t.expectEqual(members(body), ['KeyMetadata'], 'DescribeKey response members');
    t.expectEqual(members(body.KeyMetadata), membersAsOf(t, SYMMETRIC_KEY_METADATA_MEMBERS), 'KeyMetadata members of an enabled symmetric key (no CurrentKeyMaterialId before 2025-06-05)');
  },
});
