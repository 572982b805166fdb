import { mismatchCase } from './_support.js';

/** No trimming: a trailing space is part of the value. */
export default mismatchCase({
  behaviour: 'whitespace-significant',
  title: 'Decrypt refuses a value that differs only by a trailing space',
  sealedWith: { purpose: 'conformance' },
  openedWith: { purpose: 'conformance ' },
});
