import { accepted } from './_data-key-number-of-bytes.js';

export default accepted(1024, {
  kind: 'documented',
  cite: 'service model: NumberOfBytesType (1..1024)',
  verifiedAt: '2026-12-07',
});
