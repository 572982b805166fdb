import { mismatchCase } from './_support.js';

export default mismatchCase({
  behaviour: 'unexpected-on-decrypt',
  title: 'Decrypt with a context refuses a blob sealed without one',
  sealedWith: undefined,
  openedWith: { purpose: 'conformance' },
});
