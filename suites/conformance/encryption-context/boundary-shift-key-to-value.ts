import { mismatchCase } from './_support.js';

/** kms-facts.md: {"ab":"c"} and {"a":"bc"} are different contexts (never plain concatenation). */
export default mismatchCase({
  behaviour: 'boundary-shift-key-to-value',
  title: 'Decrypt refuses {a:"bc"} for a blob sealed under {ab:"c"}',
  sealedWith: { ab: 'c' },
  openedWith: { a: 'bc' },
});
