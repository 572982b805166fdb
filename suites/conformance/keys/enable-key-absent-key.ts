import { EnableKeyCommand } from '@aws-sdk/client-kms';
import { absentKey } from './_management-absent-key.js';

export default absentKey('EnableKey', 'enable-key', (KeyId) => new EnableKeyCommand({ KeyId }), {
  kind: 'documented',
  cite: 'service model: EnableKey errors (NotFoundException); message recorded for DescribeKey only (spec/aws-observed.md §1 N1)',
  verifiedAt: '2026-12-07',
});
