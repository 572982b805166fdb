/**
 * Key management calls on a key id that names no key: NotFoundException, HTTP 400
 * (MODEL error lists; N1's wording is recorded for DescribeKey only, so only the code is checked).
 */
import { UpdateKeyDescriptionCommand } from '@aws-sdk/client-kms';
import { absentKey } from './_management-absent-key.js';

export default absentKey('UpdateKeyDescription', 'update-key-description', (KeyId) => new UpdateKeyDescriptionCommand({ KeyId, Description: 'x' }), {
  kind: 'documented',
  cite: 'service model: UpdateKeyDescription errors (NotFoundException); message recorded for DescribeKey only (spec/aws-observed.md §1 N1)',
  verifiedAt: '2026-12-07',
});
