import { mismatchCase } from './_support.js';

export default mismatchCase({
  behaviour: 'extra-pair',
  title: 'Decrypt refuses the sealing context plus one extra pair',
  sealedWith: { purpose: 'conformance' },
  openedWith: { purpose: 'conformance', tenant: 't-0001' },
});
