import { mismatchCase } from './_support.js';

export default mismatchCase({
  behaviour: 'different-value',
  title: 'Decrypt refuses the same key with a different value',
  sealedWith: { purpose: 'alpha' },
  openedWith: { purpose: 'bravo' },
});
