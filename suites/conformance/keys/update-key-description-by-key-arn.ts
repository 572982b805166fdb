import { updateDescription } from './_update-key-description.js';
import { documented } from '../_lib/sources.js';

export default updateDescription({
  behaviour: 'by-key-arn',
  title: 'UpdateKeyDescription accepts the key ARN',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_UpdateKeyDescription.html#KMS-UpdateKeyDescription-request-KeyId',
  source: documented('service model: UpdateKeyDescriptionRequest.KeyId (key ID or key ARN)'),
  before: 'before',
  after: 'after, by ARN',
  by: 'Arn',
});
