import { tagAccepted } from './_tag-length.js';

export default tagAccepted({
  member: 'TagValue',
  length: 0,
  tag: { TagKey: 'empty', TagValue: '' },
  title: 'TagResource accepts an empty tag value and ListResourceTags shows it as ""',
  cite: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_Tag.html#KMS-Type-Tag-TagValue ("tag values can be empty (null) strings")',
});
