import { updateDescription } from './_update-key-description.js';

export default updateDescription({
  behaviour: 'shows-new-text',
  title: 'UpdateKeyDescription answers an empty result and DescribeKey then shows the new Description',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_UpdateKeyDescription.html#API_UpdateKeyDescription_ResponseElements',
  source: {
    kind: 'recorded',
    cite: 'spec/aws-observed.md §4.3 (LS-TEST test_update_key_description); empty result: EX UpdateKeyDescription',
    verifiedAt: '2026-12-07',
  },
  before: 'old text',
  after: 'new text',
  emptyResult: true,
});
