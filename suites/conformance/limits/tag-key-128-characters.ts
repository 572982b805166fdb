import { tagAccepted } from './_tag-length.js';

export default tagAccepted({
  member: 'TagKey',
  length: 128,
  tag: { TagKey: 'k'.repeat(128), TagValue: 'v' },
  title: 'TagResource accepts a 128-character tag key',
  cite: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_Tag.html#KMS-Type-Tag-TagKey (length 1..128)',
});
