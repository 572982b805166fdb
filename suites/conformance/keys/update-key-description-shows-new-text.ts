import { updateDescription } from './_update-key-description.js';
import { recorded } from '../_lib/sources.js';

export default updateDescription({
  behaviour: 'shows-new-text',
  title: 'UpdateKeyDescription answers an empty result and DescribeKey then shows the new Description',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_UpdateKeyDescription.html#API_UpdateKeyDescription_ResponseElements',
  source: recorded('spec/aws-observed.md §4.3 (LS-TEST test_update_key_description); empty result: EX UpdateKeyDescription'),
  before: 'old text',
  after: 'new text',
  emptyResult: true,
});
