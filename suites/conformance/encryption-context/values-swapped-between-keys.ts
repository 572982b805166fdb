import { mismatchCase } from './_support.js';

/** Catches encoders that sort keys and values independently of each other. */
export default mismatchCase({
  behaviour: 'values-swapped-between-keys',
  title: 'Decrypt refuses the same keys and values paired the other way round',
  sealedWith: { k1: 'v1', k2: 'v2' },
  openedWith: { k1: 'v2', k2: 'v1' },
});
