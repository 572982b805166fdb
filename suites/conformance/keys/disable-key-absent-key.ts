import { DisableKeyCommand } from '@aws-sdk/client-kms';
import { absentKey } from './_management-absent-key.js';

export default absentKey('DisableKey', 'disable-key', (KeyId) => new DisableKeyCommand({ KeyId }), {
  kind: 'documented',
  cite: 'service model: DisableKey errors (NotFoundException); message recorded for DescribeKey only (spec/aws-observed.md §1 N1)',
  verifiedAt: '2026-12-07',
});
