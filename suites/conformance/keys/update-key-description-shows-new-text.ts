import { DescribeKeyCommand, UpdateKeyDescriptionCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { members, unthrottled } from '../_lib/support.js';
import { givenKey } from '../_lib/prerequisites.js';

export default defineCase({
  id: 'keys.update-key-description-shows-new-text',
  title: 'UpdateKeyDescription answers an empty result and DescribeKey then shows the new Description',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_UpdateKeyDescription.html#API_UpdateKeyDescription_ResponseElements',
  source: {
    kind: 'recorded',
    cite: 'spec/aws-observed.md §4.3 (LS-TEST test_update_key_description); empty result: EX UpdateKeyDescription',
    verifiedAt: '2026-12-07',
  },
  tags: ['semantics'],
  ops: ['CreateKey', 'UpdateKeyDescription', 'DescribeKey'],
  async run(t) {
    const key = await givenKey(t, { Description: 'old text' });
    const out = await unthrottled(() => t.kms.send(new UpdateKeyDescriptionCommand({ KeyId: key.KeyId, Description: 'new text' })));
    t.expectEqual(members(out), [], 'UpdateKeyDescription output members');
    t.expectEqual((await t.kms.send(new DescribeKeyCommand({ KeyId: key.KeyId }))).KeyMetadata?.Description, 'new text', 'Description');
  },
});
