import { members } from '../_lib/support.js';
import { listEntry } from './_list-entry.js';

export default listEntry({
  behaviour: 'members',
  title: 'A customer alias is listed as exactly {AliasArn, AliasName, CreationDate, LastUpdatedDate, TargetKeyId}',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_AliasListEntry.html#API_AliasListEntry_Contents',
  cite: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_AliasListEntry.html#API_AliasListEntry_Contents; developer guide alias-manage CLI output (spec/aws-observed.md §4.5)',
  check(t, entry) {
    t.check(entry !== undefined, 'ListAliases lists the new alias');
    t.expectEqual(members(entry), ['AliasArn', 'AliasName', 'CreationDate', 'LastUpdatedDate', 'TargetKeyId'], 'entry members');
  },
});
