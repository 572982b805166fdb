import { aliasArn } from '../_lib/support.js';
import { listEntry } from './_list-entry.js';

export default listEntry({
  behaviour: 'alias-arn',
  title: 'The AliasArn of an alias is arn:<partition>:kms:<region>:<account>:<alias name>',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_AliasListEntry.html#KMS-Type-AliasListEntry-AliasArn',
  cite: 'service model: AliasListEntry.AliasArn; spec/aws-observed.md §4.5',
  check: (t, entry, { name }) => t.expectEqual(entry?.AliasArn, aliasArn(t, name), 'AliasArn'),
});
