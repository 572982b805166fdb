import { mismatchCase } from './_support.js';

/** kms-facts.md: {"ab":"c"} and {"a":"bc"} are different contexts (never plain concatenation). */
export default mismatchCase({
  behaviour: 'boundary-shift-value-to-key',
  title: 'Decrypt refuses {ab:"c"} for a blob sealed under {a:"bc"}',
  sealedWith: { a: 'bc' },
  openedWith: { ab: 'c' },
});
