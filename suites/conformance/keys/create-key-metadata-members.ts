import { defineCase } from '../../../harness/conformance/case.js';
import { createKeyRaw, expectRawOk, members } from '../_lib/support.js';
import { SYMMETRIC_KEY_METADATA_MEMBERS } from '../../../common/key-metadata.js';
import { membersAsOf } from '../_lib/aws-profile.js';
import { recorded } from '../_lib/sources.js';

export default defineCase({
  id: 'keys.create-key-metadata-members',
  title: 'CreateKey answers {KeyMetadata} with exactly the symmetric-key member set, no absent members sent as null',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateKey.html#API_CreateKey_ResponseSyntax',
  source: recorded('spec/aws-observed.md §4.1 (LS-SNAP test_create_key, 2023-04-13; CurrentKeyMaterialId in test_describe_with_alias_arn, 2025-08-05) (KeyMaterialId, CurrentKeyMaterialId: aws-sdk-go-v2 service/kms CHANGELOG v1.39.0, 2025-06-05)', { verifiedAt: '2025-08-05' }),
  tags: ['semantics'],
  ops: ['CreateKey'],
  async run(t) {
    const body = expectRawOk<{ KeyMetadata?: Record<string, unknown> }>(t, await createKeyRaw(t, { Description: 'kmsbench members' }), 'CreateKey');
    t.expectEqual(members(body), ['KeyMetadata'], 'CreateKey response members');
    t.expectEqual(members(body.KeyMetadata), membersAsOf(t, SYMMETRIC_KEY_METADATA_MEMBERS), 'KeyMetadata members of a new symmetric key (no CurrentKeyMaterialId before 2025-06-05)');
  },
});
