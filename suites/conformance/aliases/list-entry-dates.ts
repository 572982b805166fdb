import { listEntry } from './_list-entry.js';

export default listEntry({
  behaviour: 'dates',
  title: 'A new alias is listed with CreationDate and LastUpdatedDate as equal epoch-second numbers',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_AliasListEntry.html#KMS-Type-AliasListEntry-LastUpdatedDate',
  cite: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_AliasListEntry.html#KMS-Type-AliasListEntry-LastUpdatedDate; developer guide CLI output with equal dates (spec/aws-observed.md §4.5)',
  check(t, listed) {
    const entry = listed ?? {};
    for (const m of ['CreationDate', 'LastUpdatedDate']) {
      const v = entry[m];
      t.check(typeof v === 'number' && v > 1_400_000_000 && v < 10_000_000_000, `${m} is epoch seconds on the wire`, v);
    }
    t.expectEqual(entry.LastUpdatedDate, entry.CreationDate, 'LastUpdatedDate of a never-updated alias');
  },
});
