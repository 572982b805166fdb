import { tagAccepted } from './_tag-length.js';

export default tagAccepted({
  member: 'TagValue',
  length: 256,
  tag: { TagKey: 'long-value', TagValue: 'v'.repeat(256) },
  title: 'TagResource accepts a 256-character tag value',
  cite: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_Tag.html#KMS-Type-Tag-TagValue (length 0..256)',
});
