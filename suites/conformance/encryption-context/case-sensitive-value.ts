import { mismatchCase } from './_support.js';

/** API reference: "the same (an exact case-sensitive match) encryption context". */
export default mismatchCase({
  behaviour: 'case-sensitive-value',
  title: 'Decrypt refuses a value that differs only in letter case',
  sealedWith: { purpose: 'Conformance' },
  openedWith: { purpose: 'conformance' },
});
