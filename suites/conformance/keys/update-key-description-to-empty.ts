import { updateDescription } from './_update-key-description.js';

export default updateDescription({
  behaviour: 'to-empty',
  title: 'UpdateKeyDescription accepts an empty Description (length 0..8192) and DescribeKey shows ""',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_UpdateKeyDescription.html#KMS-UpdateKeyDescription-request-Description',
  source: {
    kind: 'documented',
    cite: 'service model: DescriptionType (length 0..8192)',
    verifiedAt: '2026-12-07',
  },
  before: 'something',
  after: '',
});
