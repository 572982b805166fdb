import { accepted } from './_generate-random-bounds.js';

export default accepted(1, {
  kind: 'documented',
  cite: 'service model: NumberOfBytesType (1..1024)',
  verifiedAt: '2026-12-07',
});
