/** Description is 0..8192 characters (facts sheet; MODEL DescriptionType). */
import { defineCase } from '../../../harness/conformance/case.js';
import { refused } from '../_lib/support.js';
import { text } from './_description-length.js';
import { inferred } from '../_lib/sources.js';

export default defineCase({
  id: 'limits.create-key-description-8193',
  title: 'CreateKey refuses an 8193-character Description with ValidationException',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateKey.html#KMS-CreateKey-request-Description',
  source: inferred('service model: DescriptionType (max 8192); ValidationException by analogy with recorded length violations (spec/aws-observed.md §6.1 V17), wording not recorded'),
  tags: ['limits'],
  ops: ['CreateKey'],
  async run(t) {
    // Wording INFERRED (aws-observed.md §6.2): code only.
    const r = await refused(t, t.createKey({ Description: text(8193) }), 'CreateKey');
    t.expectEqual([r.code, r.status], ['ValidationException', 400], 'error code and status');
  },
});
