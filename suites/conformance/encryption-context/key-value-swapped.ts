import { mismatchCase } from './_support.js';

/** Catches encoders that treat a pair as an unordered set of two strings. */
export default mismatchCase({
  behaviour: 'key-value-swapped',
  title: 'Decrypt refuses a pair whose key and value are swapped ({a:b} vs {b:a})',
  sealedWith: { alpha: 'bravo' },
  openedWith: { bravo: 'alpha' },
});
