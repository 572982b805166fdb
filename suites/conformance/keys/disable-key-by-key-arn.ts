import { toggleCase } from './_enable-disable.js';

export default toggleCase({
  op: 'DisableKey',
  variant: 'by-key-arn',
  title: 'DisableKey accepts the key ARN',
  source: {
    kind: 'documented',
    cite: 'service model: DisableKeyRequest.KeyId (key ID or key ARN)',
    verifiedAt: '2026-12-07',
  },
});
