import { mismatchCase } from './_support.js';

/** Concatenation collision across three pairs: "a1b2c3" == "a"+"1b2"+"c"+"3". */
export default mismatchCase({
  behaviour: 'collision-three-pairs-vs-two',
  title: 'Decrypt refuses {a:"1b2", c:"3"} for a blob sealed under {a:"1", b:"2", c:"3"}',
  sealedWith: { a: '1', b: '2', c: '3' },
  openedWith: { a: '1b2', c: '3' },
});
