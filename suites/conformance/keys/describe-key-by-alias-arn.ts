import { describeBy } from './_describe-key-id-forms.js';
import { recorded } from '../_lib/sources.js';

export default describeBy('alias-arn', recorded('spec/aws-observed.md §1 N15 (LS-SNAP test_describe_with_alias_arn)', { verifiedAt: '2025-08-05' }));
