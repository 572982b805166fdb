import { toggleCase } from './_enable-disable.js';
import { documented } from '../_lib/sources.js';

export default toggleCase({
  op: 'EnableKey',
  variant: 'by-key-arn',
  title: 'EnableKey accepts the key ARN',
  source: documented('service model: EnableKeyRequest.KeyId (key ID or key ARN)'),
});
