import { mismatchCase } from './_support.js';

export default mismatchCase({
  behaviour: 'different-key',
  title: 'Decrypt refuses the same value under a different key',
  sealedWith: { tenant: 'shared-value' },
  openedWith: { project: 'shared-value' },
});
