import { tagTooLong } from './_tag-length.js';
import { recorded } from '../_lib/sources.js';

export default tagTooLong({
  member: 'TagKey',
  max: 128,
  tag: { TagKey: 'a'.repeat(129), TagValue: 'v' },
  title: "CreateKey refuses a 129-character tag key: Value '<key>' at 'tags.1.member.tagKey' ... less than or equal to 128 (V18)",
  source: recorded('spec/aws-observed.md §6.1 V18 (LS-SNAP test_create_key_with_invalid_tag_key[too_long_key])'),
});
