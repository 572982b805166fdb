import { mismatchCase } from './_support.js';

export default mismatchCase({
  behaviour: 'missing-pair',
  title: 'Decrypt refuses a subset of the sealing context (one of two pairs left out)',
  sealedWith: { purpose: 'conformance', tenant: 't-0001' },
  openedWith: { purpose: 'conformance' },
});
