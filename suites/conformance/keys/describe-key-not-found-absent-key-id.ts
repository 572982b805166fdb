import { absentKeyId, keyArn } from '../_lib/support.js';
import { notFound } from './_describe-key-not-found.js';
import { recorded } from '../_lib/sources.js';

export default notFound({
  behaviour: 'absent-key-id',
  title: "an absent key id: Key '<key ARN in the caller's Region and account>' does not exist (N1)",
  source: recorded('spec/aws-observed.md §1 N1 (LS-SNAP test_get_key_does_not_exist)', { verifiedAt: '2025-09-08' }),
  input: (t) => {
    const id = absentKeyId();
    return { keyId: id, message: `Key '${keyArn(t, id)}' does not exist` };
  },
});
