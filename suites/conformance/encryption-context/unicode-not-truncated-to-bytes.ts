import { mismatchCase } from './_support.js';

/** "Ł" is U+0141: an encoder that keeps only the low byte of each UTF-16 unit (Latin-1) turns it into "A". */
export default mismatchCase({
  behaviour: 'unicode-not-truncated-to-bytes',
  title: 'Decrypt refuses "Aodz" for a value sealed as "\u0141odz" (no Latin-1 truncation)',
  sealedWith: { city: '\u0141odz' },
  openedWith: { city: 'Aodz' },
});
