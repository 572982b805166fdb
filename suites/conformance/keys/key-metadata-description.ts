import { memberCase, equals } from './_key-metadata-member-values.js';

export default memberCase('Description', 'is "" when none was given', equals(''), {
  kind: 'recorded',
  cite: 'spec/aws-observed.md §4.1 (no Description given: "", EX CreateKey and LS-SNAP replica metadata)',
  verifiedAt: '2026-12-07',
});
