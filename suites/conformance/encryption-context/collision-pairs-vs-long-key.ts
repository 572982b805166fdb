import { mismatchCase } from './_support.js';

/** Concatenation collision: "a"+"b"+"c"+"d" == "abc"+"d". */
export default mismatchCase({
  behaviour: 'collision-pairs-vs-long-key',
  title: 'Decrypt refuses {abc:"d"} for a blob sealed under {a:"b", c:"d"}',
  sealedWith: { a: 'b', c: 'd' },
  openedWith: { abc: 'd' },
});
