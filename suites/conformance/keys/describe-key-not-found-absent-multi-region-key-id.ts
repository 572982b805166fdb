import { keyArn } from '../_lib/support.js';
import { notFound } from './_describe-key-not-found.js';
import { recorded } from '../_lib/sources.js';

export default notFound({
  behaviour: 'absent-multi-region-key-id',
  title: "an absent mrk- key id: Key '<mrk key ARN>' does not exist (N3)",
  source: recorded('spec/aws-observed.md §1 N3 (LS-SNAP test_get_key_does_not_exist)', { verifiedAt: '2025-09-08' }),
  input: (t) => {
    const id = 'mrk-d3b95762d3b95762d3b95762d3b95762';
    return { keyId: id, message: `Key '${keyArn(t, id)}' does not exist` };
  },
});
