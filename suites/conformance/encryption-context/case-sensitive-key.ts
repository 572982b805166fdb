import { mismatchCase } from './_support.js';

/** API reference: "the same (an exact case-sensitive match) encryption context". */
export default mismatchCase({
  behaviour: 'case-sensitive-key',
  title: 'Decrypt refuses a key that differs only in letter case',
  sealedWith: { Purpose: 'conformance' },
  openedWith: { purpose: 'conformance' },
});
