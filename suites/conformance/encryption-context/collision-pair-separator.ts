import { mismatchCase } from './_support.js';

/** Catches "k=v,k=v" encoders without escaping: "a=b,c=d" either way. */
export default mismatchCase({
  behaviour: 'collision-pair-separator',
  title: 'Decrypt refuses {a:"b", c:"d"} for a blob sealed under {a:"b,c=d"}',
  sealedWith: { a: 'b,c=d' },
  openedWith: { a: 'b', c: 'd' },
});
