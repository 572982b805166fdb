import { mismatchCase } from './_support.js';

/** Concatenation collision: "a"+"b"+"c"+"d" == "ab"+"cd". */
export default mismatchCase({
  behaviour: 'collision-pairs-vs-merged-pair',
  title: 'Decrypt refuses {ab:"cd"} for a blob sealed under {a:"b", c:"d"}',
  sealedWith: { a: 'b', c: 'd' },
  openedWith: { ab: 'cd' },
});
