import { mismatchCase } from './_support.js';

/** "Å" as U+00C5 (NFC) and as A + U+030A (NFD) are different keys: no normalisation. */
export default mismatchCase({
  behaviour: 'unicode-nfc-vs-nfd-key',
  title: 'Decrypt refuses the NFC form of a key sealed in NFD',
  sealedWith: { 'A\u030angstr\u00f6m': 'unit' },
  openedWith: { '\u00c5ngstr\u00f6m': 'unit' },
});
