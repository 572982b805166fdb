import { getParametersRefused } from './_support.js';
import { recorded } from '../_lib/sources.js';

/** A key that does not exist: NotFoundException with the caller's Region and account (N1). */
export default getParametersRefused({
  behaviour: 'get-parameters-not-found',
  title: "GetParametersForImport for a key that does not exist: NotFoundException \"Key '<arn>' does not exist\"",
  source: recorded('spec/aws-observed.md §1 N1 (same wording for every operation that names a key)', { verifiedAt: '2025-09-08' }),
  key: 'absent',
  error: (arn) => ({ code: 'NotFoundException', message: `Key '${arn}' does not exist` }),
});
