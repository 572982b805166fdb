import { mismatchCase } from './_support.js';

/** Concatenation collision: "a"+"b"+"c"+"d" == "a"+"bcd". */
export default mismatchCase({
  behaviour: 'collision-pairs-vs-long-value',
  title: 'Decrypt refuses {a:"bcd"} for a blob sealed under {a:"b", c:"d"}',
  sealedWith: { a: 'b', c: 'd' },
  openedWith: { a: 'bcd' },
});
