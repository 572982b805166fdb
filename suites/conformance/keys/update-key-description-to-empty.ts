import { updateDescription } from './_update-key-description.js';
import { documented } from '../_lib/sources.js';

export default updateDescription({
  behaviour: 'to-empty',
  title: 'UpdateKeyDescription accepts an empty Description (length 0..8192) and DescribeKey shows ""',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_UpdateKeyDescription.html#KMS-UpdateKeyDescription-request-Description',
  source: documented('service model: DescriptionType (length 0..8192)'),
  before: 'something',
  after: '',
});
