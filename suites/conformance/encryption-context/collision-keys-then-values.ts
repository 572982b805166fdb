import { mismatchCase } from './_support.js';

/** Catches encoders that concatenate all keys, then all values: "ac"+"bd" either way. */
export default mismatchCase({
  behaviour: 'collision-keys-then-values',
  title: 'Decrypt refuses {ac:"bd"} for a blob sealed under {a:"b", c:"d"}',
  sealedWith: { a: 'b', c: 'd' },
  openedWith: { ac: 'bd' },
});
