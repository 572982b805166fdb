/** 50 tags per key (facts sheet; aws-observed.md §6.3: 51 on CreateKey → TagException "Too many tags"). */
import { defineCase } from '../../../harness/conformance/case.js';
import { refused } from '../_lib/support.js';
import { tags } from './_tags-per-key.js';
import { recorded } from '../_lib/sources.js';

export default defineCase({
  id: 'limits.create-key-51-tags',
  title: 'CreateKey refuses 51 tags: TagException "Too many tags"',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_TagResource.html#KMS-TagResource-request-Tags',
  source: recorded('spec/aws-observed.md §6.3 (LS-SNAP test_create_key_with_too_many_tags_raises_error)', { verifiedAt: '2025-01-21' }),
  tags: ['limits', 'tags'],
  ops: ['CreateKey'],
  async run(t) {
    const r = await refused(t, t.createKey({ Tags: tags(51) }), 'CreateKey');
    t.expectEqual(r, { code: 'TagException', status: 400, message: 'Too many tags' }, 'refusal');
  },
});
