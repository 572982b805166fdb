import { memberCase } from './_key-metadata-member-values.js';
import { recorded } from '../_lib/sources.js';

export default memberCase(
  'CurrentKeyMaterialId',
  'is a non-empty string',
  (t, v) => t.check(typeof v === 'string' && v.length > 0, 'CurrentKeyMaterialId is a non-empty string', v),
  recorded('spec/aws-observed.md §4.1 (LS-SNAP test_describe_with_alias_arn) (KeyMaterialId, CurrentKeyMaterialId: aws-sdk-go-v2 service/kms CHANGELOG v1.39.0, 2025-06-05)', { since: '2025-06-05', verifiedAt: '2025-08-05' }),
);
