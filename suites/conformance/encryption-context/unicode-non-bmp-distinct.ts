import { mismatchCase } from './_support.js';

/**
 * U+1F600 and U+1F601 share their UTF-16 high surrogate; an encoder that mangles characters outside
 * the Basic Multilingual Plane (to "?" or U+FFFD, or by dropping a surrogate) makes them collide.
 */
export default mismatchCase({
  behaviour: 'unicode-non-bmp-distinct',
  title: 'Decrypt refuses a value whose non-BMP character differs (U+1F600 vs U+1F601)',
  sealedWith: { mood: 'x\u{1F600}y' },
  openedWith: { mood: 'x\u{1F601}y' },
});
