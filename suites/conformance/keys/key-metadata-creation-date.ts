import { memberCase } from './_key-metadata-member-values.js';
import { documented } from '../_lib/sources.js';

export default memberCase(
  'CreationDate',
  'is a number of epoch seconds, not a string',
  (t, v) => t.check(typeof v === 'number' && Number.isFinite(v) && v > 1_400_000_000 && v < 10_000_000_000, 'CreationDate is epoch seconds', v),
  documented('service model: KeyMetadata.CreationDate (a timestamp: epoch seconds in AWS JSON 1.1; EX DescribeKey spec/aws-observed.md §4.1)'),
);
