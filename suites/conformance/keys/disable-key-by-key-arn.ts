import { toggleCase } from './_enable-disable.js';
import { documented } from '../_lib/sources.js';

export default toggleCase({
  op: 'DisableKey',
  variant: 'by-key-arn',
  title: 'DisableKey accepts the key ARN',
  source: documented('service model: DisableKeyRequest.KeyId (key ID or key ARN)'),
});
