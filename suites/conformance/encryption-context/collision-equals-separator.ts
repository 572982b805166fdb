import { mismatchCase } from './_support.js';

/** Catches "key=value" encoders without escaping: "a=b" + "=" + "c" == "a" + "=" + "b=c". */
export default mismatchCase({
  behaviour: 'collision-equals-separator',
  title: 'Decrypt refuses {a:"b=c"} for a blob sealed under {"a=b":"c"}',
  sealedWith: { 'a=b': 'c' },
  openedWith: { a: 'b=c' },
});
