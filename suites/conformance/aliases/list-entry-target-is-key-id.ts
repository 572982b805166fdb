import { listEntry } from './_list-entry.js';

export default listEntry({
  behaviour: 'target-is-key-id',
  title: 'An alias created with the key ARN as TargetKeyId is listed with the bare key id as TargetKeyId',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_AliasListEntry.html#KMS-Type-AliasListEntry-TargetKeyId',
  cite: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_AliasListEntry.html#KMS-Type-AliasListEntry-TargetKeyId; developer guide alias-manage (spec/aws-observed.md §4.5)',
  target: 'Arn',
  check: (t, entry, { keyId }) => t.expectEqual(entry?.TargetKeyId, keyId, 'TargetKeyId'),
});
