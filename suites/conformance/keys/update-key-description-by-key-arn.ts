import { updateDescription } from './_update-key-description.js';

export default updateDescription({
  behaviour: 'by-key-arn',
  title: 'UpdateKeyDescription accepts the key ARN',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_UpdateKeyDescription.html#KMS-UpdateKeyDescription-request-KeyId',
  source: {
    kind: 'documented',
    cite: 'service model: UpdateKeyDescriptionRequest.KeyId (key ID or key ARN)',
    verifiedAt: '2026-12-07',
  },
  before: 'before',
  after: 'after, by ARN',
  by: 'Arn',
});
