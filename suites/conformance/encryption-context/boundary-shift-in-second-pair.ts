import { mismatchCase } from './_support.js';

/** The shifted boundary is in the second of two pairs; the first pair is identical. */
export default mismatchCase({
  behaviour: 'boundary-shift-in-second-pair',
  title: 'Decrypt refuses a context whose second pair splits differently ({x:"1", ab:"c"} vs {x:"1", a:"bc"})',
  sealedWith: { x: '1', ab: 'c' },
  openedWith: { x: '1', a: 'bc' },
});
