import { mismatchCase } from './_support.js';

/** Catches encoders that build JSON text by pasting strings in without escaping quotes. */
export default mismatchCase({
  behaviour: 'collision-json-injection',
  title: 'Decrypt refuses {a:"b", c:"d"} for a blob sealed under {a:\'b","c":"d\'}',
  sealedWith: { a: 'b","c":"d' },
  openedWith: { a: 'b', c: 'd' },
});
