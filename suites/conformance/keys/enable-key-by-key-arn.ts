import { toggleCase } from './_enable-disable.js';

export default toggleCase({
  op: 'EnableKey',
  variant: 'by-key-arn',
  title: 'EnableKey accepts the key ARN',
  source: {
    kind: 'documented',
    cite: 'service model: EnableKeyRequest.KeyId (key ID or key ARN)',
    verifiedAt: '2026-12-07',
  },
});
