import { mismatchCase } from './_support.js';

/** "café" precomposed (U+00E9) and decomposed (e + U+0301) are different strings: no normalisation. */
export default mismatchCase({
  behaviour: 'unicode-nfc-vs-nfd-value',
  title: 'Decrypt refuses the NFD form of a value sealed in NFC',
  sealedWith: { place: 'caf\u00e9' },
  openedWith: { place: 'cafe\u0301' },
});
