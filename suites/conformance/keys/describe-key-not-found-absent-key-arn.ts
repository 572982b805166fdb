import { absentKeyId, keyArn } from '../_lib/support.js';
import { notFound } from './_describe-key-not-found.js';
import { recorded } from '../_lib/sources.js';

export default notFound({
  behaviour: 'absent-key-arn',
  title: "an absent key ARN of the caller's Region: Key '<key ARN>' does not exist (N2)",
  source: recorded('spec/aws-observed.md §1 N2 (LS-SNAP test_get_key_does_not_exist)', { verifiedAt: '2025-09-08' }),
  input: (t) => {
    const arn = keyArn(t, absentKeyId());
    return { keyId: arn, message: `Key '${arn}' does not exist` };
  },
});
